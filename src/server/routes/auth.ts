import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Clock } from '../../domain/clock.js';
import { AppError, notFound, validationError, type ProblemDetail } from '../../domain/errors.js';
import { passwordProblem, verifyPassword } from '../../domain/password-hash.js';
import { SESSION_COOKIE } from '../../domain/secret-tokens.js';
import type { Db } from '../../store/database.js';
import { recordLoginFailure } from '../../store/login-failures.js';
import {
  endLoginSession,
  endOtherLoginSessions,
  switchLoginSessionStudio,
} from '../../store/login-sessions.js';
import { membershipsOf, setPassword } from '../../store/users.js';
import { authOf, type RequestAuth } from '../auth/request-auth.js';
import { loginLimitOf, refuseWhileLimited, signIn } from '../auth/sign-in.js';
import { describeOnly } from '../describe-only.js';
import { errorSchema } from '../record-schemas.js';

const tags = ['Authentication'];
const studioSchema = {
  type: 'object',
  properties: { id: { type: 'integer' }, name: { type: 'string' }, is_sandbox: { type: 'boolean' } },
};
const callerSchema = {
  type: 'object',
  properties: {
    user: {
      type: 'object',
      properties: { id: { type: 'integer' }, email: { type: 'string' }, name: { type: 'string' } },
    },
    studio: studioSchema,
    role: { type: 'string', enum: ['owner', 'admin', 'staff'] },
    studios: {
      type: 'array',
      items: { ...studioSchema, properties: { ...studioSchema.properties, role: { type: 'string' } } },
    },
    csrf_token: {
      type: 'string',
      nullable: true,
      description: 'Send it as X-CSRF-Token with every cookie-authenticated write; null for API tokens',
    },
  },
};
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 429: errorSchema };

/**
 * Staff sign-in with email and password, the session cookie, the current studio and password
 * changes. Sessions are rows keyed by the hash of the cookie's secret (docs/auth.md).
 */
export function registerAuthRoutes(app: FastifyInstance, db: Db, clock: Clock, config: Config): void {
  // Lax keeps the cookie off cross-site POSTs and iframes while links into the app still work;
  // Secure whenever the public address is https (behind a proxy the server itself may see http).
  const cookieOptions: CookieSerializeOptions = {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.publicUrl?.startsWith('https:') ?? false,
  };

  app.post('/api/v1/auth/login', {
    ...describeOnly,
    config: { public: true },
    schema: {
      tags,
      operationId: 'signIn',
      summary: 'Sign in: sets the tf_session cookie and answers the CSRF token',
      body: {
        type: 'object',
        properties: {
          email: { type: 'string' },
          password: { type: 'string' },
          studio_id: { type: 'integer', description: "Defaults to the user's first studio" },
        },
        required: ['email', 'password'],
      },
      response: { 200: callerSchema, ...errors },
    },
    handler: async (request, reply) => {
      // A cross-site HTML form can post urlencoded fields (formbody is registered for webhooks) but
      // not JSON; insisting on JSON stops other sites from signing a browser into their account.
      if (!String(request.headers['content-type']).startsWith('application/json'))
        throw validationError([{ path: 'Content-Type', problem: 'must be application/json' }]);
      const signed = await signIn(db, clock, config, request.body, request.ip);
      void reply.setCookie(SESSION_COOKIE, signed.session.secret, {
        ...cookieOptions,
        maxAge: config.sessionHours * 3600,
      });
      return callerAnswer(db, {
        userId: signed.userId,
        studioId: signed.studioId,
        role: signed.role,
        via: 'session',
        csrfToken: signed.session.csrfToken,
      });
    },
  });

  app.post('/api/v1/auth/logout', {
    ...describeOnly,
    schema: { tags, operationId: 'signOut', summary: 'Sign out: ends the session and clears the cookie' },
    handler: async (request, reply) => {
      const { sessionId } = sessionAuth(request, 'sign out; revoke a token at DELETE /api/v1/tokens/{id}');
      await endLoginSession(db, sessionId);
      void reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send();
    },
  });

  app.get('/api/v1/auth/me', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'getMe',
      summary: 'Who is signed in, in which studio, with which role',
      response: { 200: callerSchema },
    },
    handler: async (request) => callerAnswer(db, authOf(request)),
  });

  app.put('/api/v1/auth/studio', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'switchStudio',
      summary: "Switch the session's current studio (one the user is a member of)",
      body: { type: 'object', properties: { studio_id: { type: 'integer' } }, required: ['studio_id'] },
      response: { 200: callerSchema, ...errors },
    },
    handler: async (request) => {
      const auth = sessionAuth(request, 'switch studios; a token belongs to one studio');
      const studioId = checkFields(request.body, { studio_id: idProblem }).studio_id as number;
      const membership = (await membershipsOf(db, auth.userId)).find((m) => m.studio_id === studioId);
      // Not a member and no such studio look the same: the answer says nothing about other studios.
      if (!membership) throw notFound('Studio', studioId);
      await switchLoginSessionStudio(db, auth.sessionId, studioId);
      return callerAnswer(db, { ...auth, studioId, role: membership.role });
    },
  });

  app.put('/api/v1/auth/password', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'changePassword',
      summary: 'Change your password; signs out your other sessions',
      body: {
        type: 'object',
        properties: { current_password: { type: 'string' }, new_password: { type: 'string', minLength: 10 } },
        required: ['current_password', 'new_password'],
      },
      response: { 204: { type: 'null' }, ...errors },
    },
    handler: async (request, reply) => {
      const auth = sessionAuth(request, 'change passwords');
      const body = checkFields(request.body, {
        current_password: (v) => (typeof v === 'string' && v !== '' ? null : 'is required'),
        new_password: passwordProblem,
      });
      const user = await db
        .selectFrom('users')
        .select(['id', 'email', 'password_hash'])
        .where('id', '=', auth.userId)
        .executeTakeFirstOrThrow();
      // A stolen cookie must not become a way to guess the password itself, so wrong current
      // passwords count as failed sign-ins of the account.
      const limit = loginLimitOf(config);
      await refuseWhileLimited(db, clock, limit, user.email, request.ip);
      const current = body.current_password as string;
      if (user.password_hash === null || !(await verifyPassword(current, user.password_hash))) {
        await recordLoginFailure(db, clock, limit, user.email, request.ip);
        throw validationError([{ path: 'current_password', problem: 'is not correct' }]);
      }
      await setPassword(db, clock, user.id, body.new_password);
      await endOtherLoginSessions(db, user.id, auth.sessionId);
      return reply.status(204).send();
    },
  });
}

/** The answer of sign-in, `me` and studio switches. A token sees only the studio it belongs to. */
export async function callerAnswer(db: Db, auth: Omit<RequestAuth, 'sessionId'>) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('id', '=', auth.userId)
    .executeTakeFirstOrThrow();
  const studios = (await membershipsOf(db, auth.userId))
    .filter((m) => auth.via === 'session' || m.studio_id === auth.studioId)
    .map((m) => ({
      id: m.studio_id,
      name: m.studio_name,
      is_sandbox: m.is_sandbox === 1,
      role: m.studio_id === auth.studioId ? auth.role : m.role,
    }));
  const current = studios.find((s) => s.id === auth.studioId);
  if (!current) throw new AppError('ERR_NOT_FOUND', 'The studio no longer exists');
  return {
    user,
    studio: { id: current.id, name: current.name, is_sandbox: current.is_sandbox },
    role: auth.role,
    studios,
    csrf_token: auth.via === 'session' ? (auth.csrfToken ?? null) : null,
  };
}

function sessionAuth(request: FastifyRequest, what: string): RequestAuth & { sessionId: string } {
  const auth = authOf(request);
  if (auth.via !== 'session' || auth.sessionId === undefined) {
    throw new AppError('ERR_FORBIDDEN', `Only a signed-in session can ${what}`);
  }
  return auth as RequestAuth & { sessionId: string };
}

function idProblem(value: unknown): string | null {
  return Number.isSafeInteger(value) && (value as number) >= 1
    ? null
    : 'must be an id (a positive whole number)';
}

/** Checks a small body field by field, reporting every problem and any unknown field. */
function checkFields(
  body: unknown,
  checks: Record<string, (value: unknown) => string | null>,
): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw validationError([{ path: '', problem: 'must be a JSON object' }]);
  const input = body as Record<string, unknown>;
  const problems: ProblemDetail[] = Object.keys(input)
    .filter((key) => !(key in checks))
    .map((path) => ({ path, problem: 'is not a field of this request' }));
  for (const [path, check] of Object.entries(checks)) {
    const problem = input[path] === undefined ? 'is required' : check(input[path]);
    if (problem) problems.push({ path, problem });
  }
  if (problems.length > 0) throw validationError(problems);
  return input;
}
