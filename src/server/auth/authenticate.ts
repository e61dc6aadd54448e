import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../domain/clock.js';
import { AppError } from '../../domain/errors.js';
import type { Db } from '../../store/database.js';
import type { RequestAuth } from './request-auth.js';
import { API_TOKEN_PREFIX, CSRF_HEADER, hashSecret, SESSION_COOKIE } from '../../domain/secret-tokens.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller of every /api/v1 request: an `Authorization: Bearer tfk_…` API token (bound
 * to one studio), or the session cookie (the user's current studio; `X-Studio-Id` picks another
 * studio the user belongs to for one request). Cookie-authenticated writes must echo the session's
 * CSRF token in `X-CSRF-Token`; token calls need none, as browsers never attach them on their own.
 */
export function registerAuthentication(app: FastifyInstance, db: Db, clock: Clock): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
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
  const now = clock.now().toISOString();
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
      .select(['api_tokens.id', 'api_tokens.user_id', 'api_tokens.studio_id', 'api_tokens.role'])
      .where('api_tokens.token_hash', '=', hashSecret(match[1]))
      .where('api_tokens.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!token) throw new AppError('ERR_UNAUTHENTICATED', 'The API token is unknown or revoked');
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', token.id).execute();
    return { userId: token.user_id, studioId: token.studio_id, role: token.role, via: 'token' };
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (!cookie) return null;
  const sessionId = hashSecret(cookie);
  const session = await db
    .selectFrom('login_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!session) return null;
  const requested = request.headers['x-studio-id'];
  const studioId =
    typeof requested === 'string' && /^\d+$/.test(requested) ? Number(requested) : session.studio_id;
  const membership = await db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', session.user_id)
    .where('studio_id', '=', studioId)
    .executeTakeFirst();
  if (!membership) {
    throw new AppError('ERR_FORBIDDEN', `You are not a member of studio ${studioId}`);
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

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
