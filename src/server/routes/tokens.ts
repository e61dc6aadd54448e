import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import { validationError, type ProblemDetail } from '../../domain/errors.js';
import {
  apiTokenInputProblems,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from '../../store/api-tokens.js';
import type { Db } from '../../store/database.js';
import { requireRole } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';
import { parseId } from '../parse-id.js';
import { errorSchema } from '../record-schemas.js';

const tags = ['API tokens'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const tokenSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    prefix: { type: 'string', description: 'The first characters of the token, to recognise it' },
    role: { type: 'string', enum: ['owner', 'admin', 'staff'] },
    user_id: { type: 'integer', description: 'The user the token acts as' },
    created_at: { type: 'string', format: 'date-time' },
    last_used_at: { type: 'string', format: 'date-time', nullable: true },
    revoked_at: { type: 'string', format: 'date-time', nullable: true },
  },
};

/**
 * API tokens for integrations, managed by owners and admins. A token acts as the user who made it,
 * in this studio only, with a role no higher than theirs. The secret is answered once, at creation.
 */
export function registerTokenRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  app.get('/api/v1/tokens', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'listTokens',
      summary: "The studio's API tokens, newest first (never their secrets)",
      response: { 200: { type: 'object', properties: { data: { type: 'array', items: tokenSchema } } } },
    },
    handler: async (request) => ({ data: await listApiTokens(db, requireRole(request, 'admin').studioId) }),
  });

  app.post('/api/v1/tokens', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'createToken',
      summary: 'Create a token acting as you (owner, admin); the answer holds the secret, once',
      body: {
        type: 'object',
        properties: {
          name: { type: 'string', maxLength: 100 },
          role: { type: 'string', enum: ['owner', 'admin', 'staff'], default: 'staff' },
        },
        required: ['name'],
      },
      response: {
        201: { ...tokenSchema, properties: { ...tokenSchema.properties, token: { type: 'string' } } },
        ...errors,
      },
    },
    handler: async (request, reply) => {
      const auth = requireRole(request, 'admin');
      const body = tokenBody(request.body);
      const created = await createApiToken(
        db,
        clock,
        auth.studioId,
        auth.userId,
        body.name,
        body.role ?? 'staff',
        auth.role,
      );
      return reply.status(201).send(created);
    },
  });

  app.delete('/api/v1/tokens/:id', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'revokeToken',
      summary: 'Revoke a token (owner, admin); it answers 401 from then on',
      params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] },
      response: { 204: { type: 'null' }, ...errors },
    },
    handler: async (request, reply) => {
      const auth = requireRole(request, 'admin');
      await revokeApiToken(db, clock, auth.studioId, parseId(request));
      return reply.status(204).send();
    },
  });
}

/** Checks the whole body up front, so unknown fields and a bad name or role are reported together. */
function tokenBody(body: unknown): { name?: unknown; role?: unknown } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw validationError([{ path: '', problem: 'must be a JSON object' }]);
  const input = body as { name?: unknown; role?: unknown };
  const problems: ProblemDetail[] = [
    ...Object.keys(input)
      .filter((key) => key !== 'name' && key !== 'role')
      .map((path) => ({ path, problem: 'is not a field of an API token' })),
    ...apiTokenInputProblems(input.name, input.role ?? 'staff'),
  ];
  if (problems.length > 0) throw validationError(problems, 'The API token is not valid');
  return input;
}
