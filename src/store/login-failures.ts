import type { Clock } from '../domain/clock.js';
import type { Db } from './database.js';

export interface LoginLimit {
  /** Failures within the window after which sign-in is refused. */
  maxFailures: number;
  windowMinutes: number;
}

/**
 * Seconds until a sign-in for this email from this address may be tried again, or 0 when it may be
 * tried now. Failures are counted per email (guessing one account's password) and per address
 * (trying many accounts); reaching the limit on either refuses the attempt before the password is
 * checked. The limit lifts when enough failures have left the window: the `maxFailures`-th newest
 * failure of the key, usually its oldest counted one. Rows live in the database, so the count
 * survives restarts and is shared by every server process.
 */
export async function loginRetryAfter(
  db: Db,
  clock: Clock,
  limit: LoginLimit,
  email: string,
  ip: string,
): Promise<number> {
  const now = clock.now().getTime();
  const windowMs = limit.windowMinutes * 60_000;
  const since = new Date(now - windowMs).toISOString();
  let waitMs = 0;
  for (const [column, value] of [
    ['email', email],
    ['ip', ip],
  ] as const) {
    const newest = await db
      .selectFrom('login_failures')
      .select('at')
      .where(column, '=', value)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(limit.maxFailures)
      .execute();
    const edge = newest[limit.maxFailures - 1];
    if (edge) waitMs = Math.max(waitMs, new Date(edge.at).getTime() + windowMs - now);
  }
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
}

/**
 * Counts a failed sign-in, and deletes failures that have left the window (of anyone). Pruning on
 * every failure keeps the table to the current window, so the unindexed `at` scan stays small.
 */
export async function recordLoginFailure(
  db: Db,
  clock: Clock,
  limit: LoginLimit,
  email: string,
  ip: string,
): Promise<void> {
  const now = clock.now();
  await db.insertInto('login_failures').values({ email, ip, at: now.toISOString() }).execute();
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000).toISOString();
  await db.deleteFrom('login_failures').where('at', '<=', since).execute();
}

/**
 * Forgets an account's failures after its password was given correctly, so a person who mistyped a
 * few times does not stay one typo from a lockout. Failures of other emails from the same address
 * stay counted.
 */
export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).execute();
}
