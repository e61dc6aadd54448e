import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Clock } from '../../domain/clock.js';
import { AppError, notFound, rateLimited, validationError, type ProblemDetail } from '../../domain/errors.js';
import { hashPassword, verifyPassword } from '../../domain/password-hash.js';
import type { Role } from '../../domain/roles.js';
import type { Db } from '../../store/database.js';
import {
  clearLoginFailures,
  loginRetryAfter,
  recordLoginFailure,
  type LoginLimit,
} from '../../store/login-failures.js';
import { createLoginSession, type NewLoginSession } from '../../store/login-sessions.js';
import { findUserByEmail, membershipsOf } from '../../store/users.js';

export const WRONG_CREDENTIALS = 'The email address or password is not correct';

export interface SignedIn {
  session: NewLoginSession;
  userId: number;
  studioId: number;
  role: Role;
}

export function loginLimitOf(config: Config): LoginLimit {
  return { maxFailures: config.loginMaxFailures, windowMinutes: config.loginWindowMinutes };
}

/**
 * Checks an email and password and starts a session. Unknown emails, users without a password and
 * wrong passwords fail alike, in about the same time (a password is hashed either way), so the
 * answer does not tell whether an account exists. Too many recent failures for the email or the
 * address refuse the attempt before the password is looked at.
 */
export async function signIn(
  db: Db,
  clock: Clock,
  config: Config,
  body: unknown,
  ip: string,
): Promise<SignedIn> {
  const input = checkSignInInput(body);
  const limit = loginLimitOf(config);
  await refuseWhileLimited(db, clock, limit, input.email, ip);
  const user = await findUserByEmail(db, input.email);
  const stored = user?.password_hash ?? null;
  const matches = await verifyPassword(input.password, stored ?? (await decoyHash()));
  if (!user || stored === null || !matches) {
    await recordLoginFailure(db, clock, limit, input.email, ip);
    throw new AppError('ERR_UNAUTHENTICATED', WRONG_CREDENTIALS);
  }
  await clearLoginFailures(db, input.email);
  const memberships = await membershipsOf(db, user.id);
  const chosen =
    input.studioId === undefined ? memberships[0] : memberships.find((m) => m.studio_id === input.studioId);
  if (!chosen) {
    if (input.studioId !== undefined) throw notFound('Studio', input.studioId);
    throw new AppError('ERR_FORBIDDEN', 'This account is not a member of any studio yet');
  }
  const session = await createLoginSession(db, clock, user.id, chosen.studio_id, config.sessionHours);
  return { session, userId: user.id, studioId: chosen.studio_id, role: chosen.role };
}

/** Throws 429 with Retry-After while the email or the address has too many recent failures. */
export async function refuseWhileLimited(
  db: Db,
  clock: Clock,
  limit: LoginLimit,
  email: string,
  ip: string,
): Promise<void> {
  const wait = await loginRetryAfter(db, clock, limit, email, ip);
  if (wait > 0) throw rateLimited(`Too many failed sign-ins; try again in ${wait} seconds`, wait);
}

function checkSignInInput(body: unknown): { email: string; password: string; studioId?: number } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw validationError([{ path: '', problem: 'must be a JSON object' }]);
  const input = body as Record<string, unknown>;
  const problems: ProblemDetail[] = [];
  for (const key of Object.keys(input)) {
    if (!['email', 'password', 'studio_id'].includes(key))
      problems.push({ path: key, problem: 'is not a field of a sign-in' });
  }
  const { email, password, studio_id: studioId } = input;
  if (typeof email !== 'string' || email.trim() === '' || email.length > 254)
    problems.push({ path: 'email', problem: 'is required (at most 254 characters)' });
  if (typeof password !== 'string' || password === '' || password.length > 200)
    problems.push({ path: 'password', problem: 'is required (at most 200 characters)' });
  if (studioId !== undefined && (!Number.isSafeInteger(studioId) || (studioId as number) < 1))
    problems.push({ path: 'studio_id', problem: 'must be a studio id (a positive whole number)' });
  if (problems.length > 0) throw validationError(problems, 'The sign-in is not valid');
  return {
    email: (email as string).trim().toLowerCase(),
    password: password as string,
    ...(studioId !== undefined ? { studioId: studioId as number } : {}),
  };
}

// Checked against when there is no stored hash, so that an unknown email costs as much time as a
// wrong password. Made once per process on first use: it is a constant, not state.
let decoy: Promise<string> | undefined;
function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('base64url'));
  return decoy;
}
