import type { ProblemDetail } from './errors.js';

/**
 * A trigger's date option relative to its anchor (SPEC §3.1): `on` the anchor, or N minutes, hours,
 * days or business days `before` / `after` it.
 */
export const OFFSET_UNITS = ['minutes', 'hours', 'days', 'business_days'] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number];

export type TriggerOffset =
  | { readonly when: 'on' }
  | { readonly when: 'before' | 'after'; readonly amount: number; readonly unit: OffsetUnit };

/** The largest offset per unit: about a year, which covers every reminder a studio sends. */
export const MAX_OFFSET: Record<OffsetUnit, number> = {
  minutes: 60 * 24 * 7,
  hours: 24 * 90,
  days: 366,
  business_days: 260,
};

export function offsetProblems(input: unknown, path: string): ProblemDetail[] {
  if (typeof input !== 'object' || input === null) return [{ path, problem: 'must be an object' }];
  const { when, amount, unit } = input as Record<string, unknown>;
  if (when === 'on') return [];
  if (when !== 'before' && when !== 'after') {
    return [{ path: `${path}.when`, problem: 'must be one of: on, before, after' }];
  }
  const problems: ProblemDetail[] = [];
  if (!OFFSET_UNITS.includes(unit as OffsetUnit)) {
    problems.push({ path: `${path}.unit`, problem: `must be one of: ${OFFSET_UNITS.join(', ')}` });
  }
  const max: number | undefined = MAX_OFFSET[unit as OffsetUnit];
  if (
    !Number.isInteger(amount) ||
    (amount as number) < 1 ||
    (max !== undefined && (amount as number) > max)
  ) {
    const problem =
      max === undefined ? 'must be a whole number of at least 1' : `must be a whole number from 1 to ${max}`;
    problems.push({ path: `${path}.amount`, problem });
  }
  return problems;
}

/** Signed amount: negative before the anchor. */
export function signedAmount(offset: TriggerOffset): number {
  if (offset.when === 'on') return 0;
  return offset.when === 'before' ? -offset.amount : offset.amount;
}
