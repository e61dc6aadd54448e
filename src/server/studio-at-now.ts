import type { FastifyRequest } from 'fastify';
import { studioNow } from '../control-center/studio-now.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../store/database.js';
import { studioContextOf, type StudioContext } from '../store/studio-context.js';
import { getStudio } from '../store/studios.js';
import { authOf } from './auth/request-auth.js';

/**
 * The caller's studio and its "now": a sandbox's test clock when set, so that explain, forecast
 * and the counts on save agree with what the Control Center will do on that clock.
 */
export async function studioAtNow(
  db: Db,
  clock: Clock,
  request: FastifyRequest,
): Promise<{ studio: StudioContext; now: Date }> {
  const row = await getStudio(db, authOf(request).studioId);
  return { studio: studioContextOf(row), now: studioNow(row, clock) };
}

/**
 * The clock the caller's studio writes with: a sandbox whose test clock is set lives at that
 * instant (it moves only when advanced), so records, triggers and queue actions are stamped in the
 * same time the Control Center evaluates them in; every other studio uses the system clock.
 */
export async function studioClock(db: Db, clock: Clock, request: FastifyRequest): Promise<Clock> {
  const row = await getStudio(db, authOf(request).studioId);
  if (row.is_sandbox !== 1 || row.test_clock_at === null) return clock;
  const at = row.test_clock_at;
  return { now: () => new Date(at) };
}
