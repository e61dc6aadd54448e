import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import { AppError, validationError } from '../../domain/errors.js';
import { isIsoDate } from '../../domain/local-date.js';
import { RECORD_KINDS, type RecordKind } from '../../domain/record-kinds/index.js';
import type { Db } from '../../store/database.js';
import { listRecords, type ListQuery } from '../../store/list-records.js';
import { createRecord, deleteRecord, getRecord, updateRecord } from '../../store/records.js';
import { statusHistory } from '../../store/status-history.js';
import { changeRecordStatus } from '../../store/change-record-status.js';
import { loadStudioContext, type Actor, type StudioContext } from '../../store/studio-context.js';
import { authOf, requireRole } from '../auth/request-auth.js';
import { errorSchema, inputSchema, listQuerySchema, recordSchema } from '../record-schemas.js';

// Schemas on these routes document the API; the domain validator checks input (every problem at
// once, shared with the CSV import) and responses are plain JSON.
const describeOnly: Pick<RouteShorthandOptions, 'validatorCompiler' | 'serializerCompiler'> = {
  validatorCompiler: () => (value) => ({ value }),
  serializerCompiler: () => (data) => JSON.stringify(data),
};

const idParam = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] };
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

function parseId(request: FastifyRequest): number {
  const raw = (request.params as { id: string }).id;
  if (!/^\d{1,15}$/.test(raw))
    throw validationError([{ path: 'id', problem: 'must be a positive whole number' }]);
  return Number(raw);
}

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
  const deps = { db, clock };
  const one = { 200: recordSchema(kind), ...errors };

  app.get(base, {
    ...describeOnly,
    schema: {
      tags,
      summary: `List ${kind.plural.toLowerCase()}`,
      querystring: listQuerySchema(kind),
      response: {
        200: {
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
      summary: `Create a ${kind.label.toLowerCase()}`,
      body: inputSchema(kind, 'create'),
      response: { 201: recordSchema(kind), ...errors },
    },
    handler: async (request, reply) => {
      writer(request);
      const record = await createRecord(
        deps,
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
    schema: { tags, summary: `Read a ${kind.label.toLowerCase()}`, params: idParam, response: one },
    handler: async (request) => getRecord(db, await studioOf(db, request), kind, parseId(request)),
  });

  app.patch(`${base}/:id`, {
    ...describeOnly,
    schema: {
      tags,
      summary: `Change fields of a ${kind.label.toLowerCase()} (only those given)`,
      params: idParam,
      body: inputSchema(kind, 'update'),
      response: one,
    },
    handler: async (request) => {
      writer(request);
      return updateRecord(
        deps,
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
      summary: `Delete a ${kind.label.toLowerCase()}`,
      params: idParam,
      response: { 204: { type: 'null' }, ...errors },
    },
    handler: async (request, reply) => {
      writer(request);
      await deleteRecord(db, await studioOf(db, request), kind, parseId(request));
      return reply.status(204).send();
    },
  });

  if (!kind.status) return;
  app.post(`${base}/:id/status`, {
    ...describeOnly,
    schema: {
      tags,
      summary: `Change the status of a ${kind.label.toLowerCase()}`,
      description:
        'Closes the current status-history row and enters the new status; its due date is the status duration in business days of the studio work week, unless due_date is given.',
      params: idParam,
      body: {
        type: 'object',
        properties: {
          status_id: { type: 'integer', nullable: true },
          due_date: { type: 'string', format: 'date', nullable: true },
          note: { type: 'string', maxLength: 2000 },
        },
        required: ['status_id'],
      },
      response: one,
    },
    handler: async (request) => {
      writer(request);
      const body = statusBody(request.body);
      return changeRecordStatus(
        deps,
        await studioOf(db, request),
        kind,
        parseId(request),
        body,
        actorOf(request),
      );
    },
  });
  app.get(`${base}/:id/status-history`, {
    ...describeOnly,
    schema: {
      tags,
      summary: `Status history of a ${kind.label.toLowerCase()}, oldest first`,
      params: idParam,
    },
    handler: async (request) => ({
      data: await statusHistory(db, await studioOf(db, request), kind, parseId(request)),
    }),
  });
}

function statusBody(body: unknown): {
  statusId: number | null;
  dueDate?: string | null;
  note?: string | null;
} {
  const problems = [];
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!['status_id', 'due_date', 'note'].includes(key))
      problems.push({ path: key, problem: 'is not a field of a status change' });
  }
  const statusId = input.status_id;
  if (statusId === undefined)
    problems.push({ path: 'status_id', problem: 'is required (null leaves the status)' });
  else if (statusId !== null && (!Number.isSafeInteger(statusId) || (statusId as number) < 1)) {
    problems.push({ path: 'status_id', problem: 'must be an id (a positive whole number) or null' });
  }
  const dueDate = input.due_date;
  if (dueDate !== undefined && dueDate !== null && (typeof dueDate !== 'string' || !isIsoDate(dueDate))) {
    problems.push({ path: 'due_date', problem: 'must be a date written YYYY-MM-DD' });
  }
  const note = input.note;
  if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > 2000)) {
    problems.push({ path: 'note', problem: 'must be text of at most 2000 characters' });
  }
  if (problems.length > 0) throw validationError(problems, 'The status change is not valid');
  return {
    statusId: statusId as number | null,
    ...(dueDate !== undefined ? { dueDate: dueDate as string | null } : {}),
    ...(note !== undefined ? { note: note as string | null } : {}),
  };
}
