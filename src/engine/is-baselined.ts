import type { EvaluationTrigger } from './evaluation-trigger.js';

/**
 * Whether an occurrence is baselined (SPEC §3.5): it already existed when the baseline was set and
 * its trigger date had already come. Both must hold — an occurrence that came later is judged on its
 * own (catch-up), and one whose trigger date is after the baseline falls due normally. Evaluation,
 * explain and forecast share this one rule.
 */
export function isBaselined(
  trigger: Pick<EvaluationTrigger, 'baselineAt'>,
  date: Date,
  cameAt: string,
): boolean {
  const baseline = trigger.baselineAt.getTime();
  return date.getTime() <= baseline && new Date(cameAt).getTime() <= baseline;
}
