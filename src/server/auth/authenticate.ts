import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../domain/clock.js';
import { AppError, validationError } from '../../domain/errors.js';
import { lowerRole } from '../../domain/roles.js';
import type { Db } from '../../store/database.js';
import type { RequestAuth } from './request-auth.js';
import { API_TOKEN_PREFIX, CSRF_HEADER, hashSecret, SESSION_COOKIE } from '../../domain/secret-tokens.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// last_seen_at and a token's last_used_at are for people reading a list, not for expiry: a write
// per request would cost a write lock on SQLite for every call, so they move at most every five
// minutes.
const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

function isStale(lastSeen: string | null, now: Date): boolean {
  return lastSeen === null || now.getTime() - new Date(lastSeen).getTime() > LAST_SEEN_RESOLUTION_MS;
}

/**
 * Resolves the caller of every /api/v1 request: an `Authorization: Bearer tfk_…` API token (bound
 * to one studio), or the session cookie (the user's current studio; `X-Studio-Id` picks another
 * studio the user belongs to for one request; a token naming another studio is refused).
 * Cookie-authenticated writes must echo the session's CSRF token in `X-CSRF-Token`; token calls
 * need none, as browsers never attach them on their own.
 */
export function registerAuthentication(app: FastifyInstance, db: Db, clock: Clock): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    // The matched route, not the raw URL: the router also matches percent-encoded spellings of a
    // path ("/%61pi/v1/…"), which must not slip past this hook.
    if (!request.routeOptions.url?.startsWith('/api/v1/')) return;
    request.auth = await resolveCaller(request, db, clock);
    if (!request.auth && !request.routeOptions.config?.public) {
      throw new AppError('ERR_UNAUTHENTICATED', 'Sign in or send an API token');
    }
    if (
      request.auth?.via === 'session' &&
      !SAFE_METHODS.has(request.method) &&
      !request.routeOptions.config?.public
    ) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, request.auth.csrfToken ?? '')) {
        throw new AppError('ERR_CSRF', `Send the CSRF token from sign-in in the ${CSRF_HEADER} header`);
      }
    }
  });
}

async function resolveCaller(request: FastifyRequest, db: Db, clock: Clock): Promise<RequestAuth | null> {
  const now = clock.now();
  const requested = requestedStudio(request);
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]?.startsWith(`${API_TOKEN_PREFIX}_`)) {
      throw new AppError('ERR_UNAUTHENTICATED', 'The Authorization header must be "Bearer tfk_…"');
    }
    const token = await db
      .selectFrom('api_tokens')
      .innerJoin('memberships', (join) =>
        join
          .onRef('memberships.user_id', '=', 'api_tokens.user_id')
          .onRef('memberships.studio_id', '=', 'api_tokens.studio_id'),
      )
      .select([
        'api_tokens.id',
        'api_tokens.user_id',
        'api_tokens.studio_id',
        'api_tokens.role',
        'api_tokens.last_used_at',
        'memberships.role as member_role',
      ])
      .where('api_tokens.token_hash', '=', hashSecret(match[1]))
      .where('api_tokens.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!token) throw new AppError('ERR_UNAUTHENTICATED', 'The API token is unknown or revoked');
    // A token is bound to its studio; naming another one is a mistake worth an error, not a silent
    // write to the token's own studio.
    if (requested !== null && requested !== token.studio_id) {
      throw new AppError('ERR_FORBIDDEN', 'An API token acts only for the studio it was created in');
    }
    if (isStale(token.last_used_at, now)) {
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: now.toISOString() })
        .where('id', '=', token.id)
        .execute();
    }
    // A user demoted since the token was made must not keep the old role through it.
    const role = lowerRole(token.role, token.member_role);
    return { userId: token.user_id, studioId: token.studio_id, role, via: 'token' };
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (!cookie) return null;
  const sessionId = hashSecret(cookie);
  const session = await db
    .selectFrom('login_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!session) return null;
  const studioId = requested ?? session.studio_id;
  const membership = await db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', session.user_id)
    .where('studio_id', '=', studioId)
    .executeTakeFirst();
  if (!membership) {
    // The same answer whether the studio exists or not.
    throw new AppError('ERR_FORBIDDEN', `You are not a member of studio ${studioId}`);
  }
  if (isStale(session.last_seen_at, now)) {
    await db
      .updateTable('login_sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', sessionId)
      .execute();
  }
  return {
    userId: session.user_id,
    studioId,
    role: membership.role,
    via: 'session',
    sessionId,
    csrfToken: session.csrf_token,
  };
}

/** The studio named by `X-Studio-Id`, or null when the header is absent. */
function requestedStudio(request: FastifyRequest): number | null {
  const raw = request.headers['x-studio-id'];
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw.trim())) {
    throw validationError([
      { path: 'X-Studio-Id', problem: 'must be a studio id (a positive whole number)' },
    ]);
  }
  return Number(raw.trim());
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
