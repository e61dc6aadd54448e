import type { Clock } from '../domain/clock.js';
import { AppError, validationError } from '../domain/errors.js';
import { toStoredInstant } from '../domain/local-date.js';
import type { Db } from '../store/database.js';
import type { ProcessSettings } from '../processing/process-item.js';
import { getStudio } from '../store/studios.js';
import { runStudio, type StudioRun } from './run-studio.js';
import { studioNow } from './studio-now.js';

/** At most this many runs per call: a week in 15-minute steps is 672. */
export const MAX_STEPS = 10_000;

export interface AdvanceResult {
  readonly from: string;
  readonly to: string;
  readonly runs: readonly StudioRun[];
}

/**
 * Moves a sandbox studio's test clock to `to` and runs the Control Center there; with a step, it
 * runs at every step on the way, so that time frames and weekdays behave as they would have in real
 * time (SPEC §4). A clock never moves backwards, and only sandbox studios have one.
 */
export async function advanceTestClock(
  db: Db,
  clock: Clock,
  studioId: number,
  input: { to: unknown; step_minutes?: unknown },
  settings: ProcessSettings,
): Promise<AdvanceResult> {
  const studio = await getStudio(db, studioId);
  if (studio.is_sandbox !== 1) {
    throw new AppError('ERR_CONFLICT', 'Only sandbox studios have a test clock', [
      { path: '', problem: 'this studio sends real messages and follows the real clock' },
    ]);
  }
  const problems = [];
  const to = typeof input.to === 'string' ? toStoredInstant(input.to) : null;
  if (to === null)
    problems.push({
      path: 'to',
      problem: 'must be a date and time with an offset, e.g. 2026-12-05T09:00:00-05:00',
    });
  const step = input.step_minutes;
  if (
    step !== undefined &&
    step !== null &&
    (!Number.isInteger(step) || (step as number) < 1 || (step as number) > 7 * 24 * 60)
  ) {
    problems.push({ path: 'step_minutes', problem: 'must be a whole number of minutes from 1 to 10080' });
  }
  const from = studioNow(studio, clock);
  if (to !== null && new Date(to).getTime() < from.getTime()) {
    problems.push({
      path: 'to',
      problem: `must not be before the clock's now (${from.toISOString()}): a clock never moves backwards`,
    });
  }
  const stepMs = typeof step === 'number' ? step * 60_000 : null;
  if (to !== null && stepMs !== null && (new Date(to).getTime() - from.getTime()) / stepMs > MAX_STEPS) {
    problems.push({
      path: 'step_minutes',
      problem: `would make more than ${MAX_STEPS} runs; take a larger step`,
    });
  }
  if (problems.length > 0) throw validationError(problems, 'The clock cannot be advanced so');
  const target = new Date(to as string);
  const stops: Date[] = [];
  if (stepMs !== null) {
    for (let t = from.getTime() + stepMs; t < target.getTime(); t += stepMs) stops.push(new Date(t));
  }
  stops.push(target);
  const runs: StudioRun[] = [];
  for (const stop of stops) {
    await db
      .updateTable('studios')
      .set({ test_clock_at: stop.toISOString() })
      .where('id', '=', studioId)
      .execute();
    runs.push(await runStudio(db, clock, { ...studio, test_clock_at: stop.toISOString() }, stop, settings));
  }
  return { from: from.toISOString(), to: target.toISOString(), runs };
}
