import type { Db } from '../store/database.js';
import type { StudioContext } from '../store/studio-context.js';
import { findTriggerRow } from '../store/triggers.js';
import { baselinedCount } from './baselined-count.js';
import { evaluationTriggerOf } from './evaluation-trigger.js';
import { forecastTrigger } from './forecast.js';

export interface BaselineCounts {
  readonly baselined: number;
  readonly due_next_30_days: number;
}

const DAYS_30 = 30 * 86_400_000;

/**
 * What saving a trigger did to its baseline (SPEC §3.5, "saving shows how many occurrences were
 * baselined and how many will fall due in the next 30 days"); null for a trigger that is not
 * active, which has no baseline in force and fires nothing.
 */
export async function baselineCounts(
  db: Db,
  studio: StudioContext,
  triggerId: number,
  now: Date,
): Promise<BaselineCounts | null> {
  const row = await findTriggerRow(db, studio.id, triggerId);
  const trigger = row?.is_active === 1 ? evaluationTriggerOf(row) : null;
  if (!trigger) return null;
  const due = await forecastTrigger(db, studio, trigger, now, new Date(now.getTime() + DAYS_30));
  return { baselined: await baselinedCount(db, studio, trigger), due_next_30_days: due.length };
}
