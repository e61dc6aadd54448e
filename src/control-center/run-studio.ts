import type { Clock } from '../domain/clock.js';
import { evaluateStudio } from '../engine/evaluate-studio.js';
import { activeEvaluationTriggers } from '../engine/evaluation-trigger.js';
import { expireItems } from '../engine/expire-items.js';
import type { EvaluationCounts } from '../engine/evaluate-trigger.js';
import { captureChannel } from '../delivery/channels/capture-channel.js';
import { dispatchOutbox, type DispatchCounts } from '../delivery/dispatch-outbox.js';
import { processAutomaticItems, type AutomaticCounts } from '../processing/process-automatic-items.js';
import type { ProcessSettings } from '../processing/process-item.js';
import type { Db } from '../store/database.js';
import { loose } from '../store/record-table.js';
import { studioContextOf } from '../store/studio-context.js';
import type { StudioRow } from '../store/studios.js';

/**
 * What a run did: the evaluation's counts, the items that expired, what automatic processing did,
 * and the deliveries handed on.
 */
export type RunCounts = EvaluationCounts & AutomaticCounts & DispatchCounts & { expired: number };

export interface StudioRun {
  readonly studioId: number;
  readonly runAt: string;
  readonly counts: RunCounts;
  readonly error: string | null;
}

const CAPTURE_ONLY = new Map([[captureChannel.name, captureChannel]]);

const NO_COUNTS: RunCounts = {
  examined: 0,
  queued: 0,
  withdrawn: 0,
  restored: 0,
  expired: 0,
  processed: 0,
  withdrawn_at_processing: 0,
  expired_at_processing: 0,
  failed: 0,
  sent: 0,
  delivered: 0,
  retrying: 0,
  delivery_failed: 0,
  returned: 0,
};

/**
 * One Control Center run for one studio at the studio's `now` (SPEC §4): evaluate its triggers,
 * expire what "Triggered Date is Past" no longer allows, process the automatic triggers' items that
 * are inside their time frame, and hand the outbox on (the capture channel, until providers are
 * wired). The run is logged with its start, end, counts and errors; a failure is recorded on the
 * run row and returned, never thrown, so that it does not stop the next studio or the next run.
 * Items that fail to process stay pending; their errors are the run's error.
 */
export async function runStudio(
  db: Db,
  clock: Clock,
  studio: StudioRow,
  now: Date,
  settings: ProcessSettings,
): Promise<StudioRun> {
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
    counts = { ...counts, ...evaluation, expired };
    const automatic = await processAutomaticItems(db, studio, now, settings);
    counts = { ...counts, ...automatic.counts };
    if (automatic.errors.length > 0) error = automatic.errors.join('\n');
    const channels = settings.channels ?? CAPTURE_ONLY;
    const dispatched = await dispatchOutbox(db, studio, now, {
      channels,
      ...(settings.beforeSend ? { beforeSend: settings.beforeSend } : {}),
      ...(settings.signal ? { signal: settings.signal } : {}),
    });
    counts = { ...counts, ...dispatched };
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
