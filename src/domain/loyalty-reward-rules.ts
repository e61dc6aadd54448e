import type { ProblemDetail } from './errors.js';
import type { StoredRow } from './validate-record-input.js';

/** A reward cannot be redeemed beyond its amount. */
export function loyaltyRewardRowProblems(row: StoredRow): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (Number(row.redeemed_cents ?? 0) > Number(row.amount_cents ?? 0)) {
    problems.push({ path: 'redeemed_cents', problem: 'must not exceed amount_cents' });
  }
  return problems;
}
