import type { Clock } from '../domain/clock.js';
import { evaluateStudio } from '../engine/evaluate-studio.js';
import { activeEvaluationTriggers } from '../engine/evaluation-trigger.js';
import { expireItems } from '../engine/expire-items.js';
import type { EvaluationCounts } from '../engine/evaluate-trigger.js';
import type { Db } from '../store/database.js';
import { loose } from '../store/record-table.js';
import { studioContextOf } from '../store/studio-context.js';
import type { StudioRow } from '../store/studios.js';

/** What a run did: the evaluation's counts and the items that expired. */
export type RunCounts = EvaluationCounts & { expired: number };

export interface StudioRun {
  readonly studioId: number;
  readonly runAt: string;
  readonly counts: RunCounts;
  readonly error: string | null;
}

const NO_COUNTS: RunCounts = { examined: 0, queued: 0, withdrawn: 0, restored: 0, expired: 0 };

/**
 * One Control Center run for one studio at the studio's `now` (SPEC §4): evaluate its triggers and
 * expire what "Triggered Date is Past" no longer allows (processing automatic items and dispatching
 * deliveries join this run as they are built). The run
 * is logged with its start, end, counts and error; a failure is recorded on the run row and
 * returned, never thrown, so that it does not stop the next studio or the next run.
 */
export async function runStudio(db: Db, clock: Clock, studio: StudioRow, now: Date): Promise<StudioRun> {
  const runAt = now.toISOString();
  const started = await loose(db)
    .insertInto('control_center_runs')
    .values({
      studio_id: studio.id,
      run_at: runAt,
      started_at: clock.now().toISOString(),
      finished_at: null,
      counts: JSON.stringify(NO_COUNTS),
      error: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let counts: RunCounts = NO_COUNTS;
  let error: string | null = null;
  try {
    const context = studioContextOf(studio);
    const evaluation = await evaluateStudio(db, context, now);
    const expired = await expireItems(db, context, await activeEvaluationTriggers(db, studio.id), now);
    counts = { ...evaluation, expired };
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  await loose(db)
    .updateTable('control_center_runs')
    .set({ finished_at: clock.now().toISOString(), counts: JSON.stringify(counts), error })
    .where('id', '=', Number(started.id))
    .execute();
  return { studioId: studio.id, runAt, counts, error };
}
