import { randomBytes } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import { hashSecret, newSecret, SESSION_PREFIX } from '../domain/secret-tokens.js';
import type { Db } from './database.js';

export interface NewLoginSession {
  /** The cookie value: given to the browser once, only its hash is stored (it is the row's id). */
  secret: string;
  id: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Starts a signed-in session of a user in a studio. Its lifetime is fixed at sign-in (no sliding
 * renewal), so a stolen cookie stops working at a known time. The user's expired sessions are
 * deleted on the way, which keeps the table to live sessions without a sweeper.
 */
export async function createLoginSession(
  db: Db,
  clock: Clock,
  userId: number,
  studioId: number,
  hours: number,
): Promise<NewLoginSession> {
  const now = clock.now();
  const at = now.toISOString();
  const secret = newSecret(SESSION_PREFIX);
  const session: NewLoginSession = {
    secret,
    id: hashSecret(secret),
    csrfToken: randomBytes(32).toString('base64url'),
    expiresAt: new Date(now.getTime() + hours * 3_600_000).toISOString(),
  };
  await db.deleteFrom('login_sessions').where('user_id', '=', userId).where('expires_at', '<=', at).execute();
  await db
    .insertInto('login_sessions')
    .values({
      id: session.id,
      user_id: userId,
      studio_id: studioId,
      csrf_token: session.csrfToken,
      created_at: at,
      expires_at: session.expiresAt,
      last_seen_at: at,
    })
    .execute();
  return session;
}

export async function endLoginSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('login_sessions').where('id', '=', sessionId).execute();
}

/** Signs a user out everywhere but here, e.g. after a password change. */
export async function endOtherLoginSessions(db: Db, userId: number, keepSessionId: string): Promise<void> {
  await db
    .deleteFrom('login_sessions')
    .where('user_id', '=', userId)
    .where('id', '!=', keepSessionId)
    .execute();
}

/** Ends a user's sessions that work in one studio, when they stop being a member of it. */
export async function endLoginSessionsInStudio(db: Db, userId: number, studioId: number): Promise<void> {
  await db
    .deleteFrom('login_sessions')
    .where('user_id', '=', userId)
    .where('studio_id', '=', studioId)
    .execute();
}

/** Makes another studio (the caller checked the membership) the session's current one. */
export async function switchLoginSessionStudio(db: Db, sessionId: string, studioId: number): Promise<void> {
  await db.updateTable('login_sessions').set({ studio_id: studioId }).where('id', '=', sessionId).execute();
}
