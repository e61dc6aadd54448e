import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import { AppError, validationError } from '../../domain/errors.js';
import { RECORD_KINDS, type RecordKind } from '../../domain/record-kinds/index.js';
import { validateStatusChange } from '../../domain/validate-status-change.js';
import type { Db } from '../../store/database.js';
import { listRecords, type ListQuery } from '../../store/list-records.js';
import { createRecord, deleteRecord, getRecord, updateRecord } from '../../store/records.js';
import { statusHistory } from '../../store/status-history.js';
import { changeRecordStatus } from '../../store/change-record-status.js';
import { loadStudioContext, type Actor, type StudioContext } from '../../store/studio-context.js';
import { authOf, requireRole } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';
import { parseId } from '../parse-id.js';
import { studioClock } from '../studio-at-now.js';
import { listQuerySchema } from '../list-query-schema.js';
import {
  errorSchema,
  inputSchema,
  operationId,
  recordSchema,
  statusChangeSchema,
  statusHistorySchema,
} from '../record-schemas.js';

const idParam = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] };
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export function actorOf(request: FastifyRequest): Actor {
  const auth = authOf(request);
  return { userId: auth.userId, source: auth.via === 'token' ? 'api' : 'staff' };
}

export async function studioOf(db: Db, request: FastifyRequest): Promise<StudioContext> {
  const studio = await loadStudioContext(db, authOf(request).studioId);
  if (!studio) throw new AppError('ERR_NOT_FOUND', 'The studio no longer exists');
  return studio;
}

/**
 * Create, read, update, delete and list for every kind in the registry, under /api/v1/<path>, plus
 * status changes and status history for kinds with statuses. Staff work records; catalogs are
 * changed by owners and admins only.
 */
export function registerRecordRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  for (const kind of RECORD_KINDS) registerKind(app, db, clock, kind);
}

function registerKind(app: FastifyInstance, db: Db, clock: Clock, kind: RecordKind): void {
  const base = `/api/v1/${kind.path}`;
  const tags = [kind.category === 'catalog' ? 'Catalogs' : 'Records'];
  const writer = (request: FastifyRequest) =>
    requireRole(request, kind.category === 'catalog' ? 'admin' : 'staff');
  // A sandbox studio writes on its test clock (see studioClock).
  const depsOf = async (request: FastifyRequest) => ({ db, clock: await studioClock(db, clock, request) });
  const label = kind.label.toLowerCase();
  const one = { 200: { description: `The ${label}`, ...recordSchema(kind) }, ...errors };

  app.get(base, {
    ...describeOnly,
    schema: {
      tags,
      operationId: operationId('list', kind, true),
      summary: `List ${kind.plural.toLowerCase()}`,
      description:
        'Filters combine with AND. Pages are keyset pages: follow next_cursor (null on the last page) with the same sort.',
      querystring: listQuerySchema(kind),
      response: {
        200: {
          description: `A page of ${kind.plural.toLowerCase()}`,
          type: 'object',
          properties: {
            data: { type: 'array', items: recordSchema(kind) },
            next_cursor: { type: 'string', nullable: true },
          },
        },
        ...errors,
      },
    },
    handler: async (request) =>
      listRecords(db, await studioOf(db, request), kind, request.query as ListQuery),
  });

  app.post(base, {
    ...describeOnly,
    schema: {
      tags,
      operationId: operationId('create', kind),
      summary: `Create a ${label}`,
      body: inputSchema(kind, 'create'),
      response: { 201: { description: `The new ${label}`, ...recordSchema(kind) }, ...errors },
    },
    handler: async (request, reply) => {
      writer(request);
      const record = await createRecord(
        await depsOf(request),
        await studioOf(db, request),
        kind,
        request.body,
        actorOf(request),
      );
      return reply.status(201).send(record);
    },
  });

  app.get(`${base}/:id`, {
    ...describeOnly,
    schema: {
      tags,
      operationId: operationId('get', kind),
      summary: `Read a ${label}`,
      params: idParam,
      response: one,
    },
    handler: async (request) => getRecord(db, await studioOf(db, request), kind, parseId(request)),
  });

  app.patch(`${base}/:id`, {
    ...describeOnly,
    schema: {
      tags,
      operationId: operationId('update', kind),
      summary: `Change fields of a ${label} (only those given)`,
      params: idParam,
      body: inputSchema(kind, 'update'),
      response: one,
    },
    handler: async (request) => {
      writer(request);
      return updateRecord(
        await depsOf(request),
        await studioOf(db, request),
        kind,
        parseId(request),
        request.body,
        actorOf(request),
      );
    },
  });

  app.delete(`${base}/:id`, {
    ...describeOnly,
    schema: {
      tags,
      operationId: operationId('delete', kind),
      summary: `Delete a ${label}`,
      description: 'Refused with 409 while other records refer to it.',
      params: idParam,
      response: { 204: { description: 'Deleted', type: 'null' }, ...errors },
    },
    handler: async (request, reply) => {
      writer(request);
      await deleteRecord(await depsOf(request), await studioOf(db, request), kind, parseId(request));
      return reply.status(204).send();
    },
  });

  if (!kind.status) return;
  app.post(`${base}/:id/status`, {
    ...describeOnly,
    schema: {
      tags,
      operationId: operationId('change', kind) + 'Status',
      summary: `Change the status of a ${label}`,
      description:
        'Closes the current status-history row and enters the new status (entering the current status again starts a new stay); its due date is the status duration in business days of the studio work week, unless due_date is given.',
      params: idParam,
      body: statusChangeSchema,
      response: one,
    },
    handler: async (request) => {
      writer(request);
      const { change, problems } = validateStatusChange(request.body);
      if (problems.length > 0) throw validationError(problems, 'The status change is not valid');
      return changeRecordStatus(
        await depsOf(request),
        await studioOf(db, request),
        kind,
        parseId(request),
        change,
        actorOf(request),
      );
    },
  });
  app.get(`${base}/:id/status-history`, {
    ...describeOnly,
    schema: {
      tags,
      operationId: operationId('list', kind) + 'StatusHistory',
      summary: `Status history of a ${label}, oldest first`,
      params: idParam,
      response: { 200: { description: 'Every stay in a status', ...statusHistorySchema }, ...errors },
    },
    handler: async (request) => ({
      data: await statusHistory(db, await studioOf(db, request), kind, parseId(request)),
    }),
  });
}
