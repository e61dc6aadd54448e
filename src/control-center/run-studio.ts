import type { Clock } from '../domain/clock.js';
import { evaluateStudio } from '../engine/evaluate-studio.js';
import type { EvaluationCounts } from '../engine/evaluate-trigger.js';
import type { Db } from '../store/database.js';
import { loose } from '../store/record-table.js';
import { studioContextOf } from '../store/studio-context.js';
import type { StudioRow } from '../store/studios.js';

export interface StudioRun {
  readonly studioId: number;
  readonly runAt: string;
  readonly counts: EvaluationCounts;
  readonly error: string | null;
}

const NO_COUNTS: EvaluationCounts = { examined: 0, queued: 0, withdrawn: 0, restored: 0 };

/**
 * One Control Center run for one studio at the studio's `now` (SPEC §4): evaluate its triggers
 * (processing automatic items and dispatching deliveries join this run as they are built). The run
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
  let counts = NO_COUNTS;
  let error: string | null = null;
  try {
    counts = await evaluateStudio(db, studioContextOf(studio), now);
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
