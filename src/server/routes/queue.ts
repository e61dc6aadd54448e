import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import { validationError, type ProblemDetail } from '../../domain/errors.js';
import { closeItems, type ItemSelection } from '../../engine/close-items.js';
import { itemWithHistory, queueGroups, queueItems } from '../../engine/list-queue.js';
import { previewItem } from '../../processing/preview-item.js';
import type { ProcessSettings } from '../../processing/process-item.js';
import { processItems } from '../../processing/process-items.js';
import type { Db } from '../../store/database.js';
import { getStudio } from '../../store/studios.js';
import { getRecord } from '../../store/records.js';
import { loadStudioContext, type StudioContext } from '../../store/studio-context.js';
import { recordKind, type RecordKindName } from '../../domain/record-kinds/index.js';
import { AppError } from '../../domain/errors.js';
import { authOf } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';
import { parseId } from '../parse-id.js';
import { studioClock } from '../studio-at-now.js';

const tags = ['Process Triggers'];
const selectionBody = {
  type: 'object',
  description: 'Exactly one of: item_ids, trigger_id, or all: true',
  properties: {
    item_ids: { type: 'array', items: { type: 'integer' }, maxItems: 10000 },
    trigger_id: { type: 'integer' },
    all: { type: 'boolean', enum: [true] },
  },
};

/**
 * The Process Triggers queue: pending items grouped by trigger, a page of items, one item with its
 * history and a preview of what processing it would create, and Process / Skip / Delete per item,
 * per trigger or for all. Staff work the queue (only triggers themselves are settings).
 */
export function registerQueueRoutes(
  app: FastifyInstance,
  db: Db,
  clock: Clock,
  settings: ProcessSettings,
): void {
  app.get('/api/v1/queue', {
    schema: {
      tags,
      operationId: 'listQueueGroups',
      summary: 'Pending items grouped by trigger, with counts',
    },
    handler: async (request) => ({ data: await queueGroups(db, authOf(request).studioId) }),
  });
  app.get('/api/v1/queue/items', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'listQueueItems',
      summary:
        "Pending items, oldest trigger date first, a page at a time; each names its record (record_label, null once deleted) and the record's client (client_name)",
      querystring: {
        type: 'object',
        properties: {
          trigger_id: { type: 'string' },
          cursor: { type: 'string' },
          limit: { type: 'string', description: '1 to 1000, default 100' },
        },
      },
    },
    handler: async (request) =>
      queueItems(db, authOf(request).studioId, request.query as Record<string, string | undefined>),
  });
  app.get('/api/v1/items/:id', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'getTriggeredItem',
      summary: 'A triggered item in any state, with its record and every transition (time, actor, reason)',
      params: { type: 'object', properties: { id: { type: 'integer' } } },
    },
    handler: async (request) => {
      const studioId = authOf(request).studioId;
      const item: Record<string, unknown> = await itemWithHistory(db, studioId, parseId(request));
      return {
        ...item,
        record: await recordOf(db, studioId, String(item.record_kind), Number(item.record_id)),
      };
    },
  });
  app.get('/api/v1/items/:id/preview', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'previewTriggeredItem',
      summary: 'What processing the item would create now, rendered; nothing is written',
      params: { type: 'object', properties: { id: { type: 'integer' } } },
    },
    handler: async (request) => {
      const auth = authOf(request);
      const now = (await studioClock(db, clock, request)).now();
      return previewItem(db, await getStudio(db, auth.studioId), parseId(request), now, settings);
    },
  });
  app.post('/api/v1/queue/process', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'processQueueItems',
      summary: 'Process pending items: by id, a whole trigger, or all. Each is re-qualified first',
      body: selectionBody,
    },
    handler: async (request) => {
      const auth = authOf(request);
      const now = (await studioClock(db, clock, request)).now();
      return processItems(
        db,
        await getStudio(db, auth.studioId),
        selectionOf(request),
        { actor: 'user', userId: auth.userId },
        now,
        settings,
      );
    },
  });
  for (const [action, to] of [
    ['skip', 'skipped'],
    ['delete', 'deleted'],
  ] as const) {
    app.post(`/api/v1/queue/${action}`, {
      ...describeOnly,
      schema: {
        tags,
        operationId: action === 'skip' ? 'skipQueueItems' : 'deleteQueueItems',
        summary: `${action === 'skip' ? 'Skip' : 'Delete'} pending items: by id, a whole trigger, or all`,
        body: selectionBody,
      },
      handler: async (request) => {
        const auth = authOf(request);
        const result = await closeItems(
          db,
          auth.studioId,
          selectionOf(request),
          to,
          { actor: 'user', userId: auth.userId },
          (await studioClock(db, clock, request)).now(),
        );
        return { [to]: result.closed, unchanged: result.unchanged };
      },
    });
  }
}

function selectionOf(request: FastifyRequest): ItemSelection {
  const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<
    string,
    unknown
  >;
  const problems: ProblemDetail[] = [];
  for (const key of Object.keys(body)) {
    if (!['item_ids', 'trigger_id', 'all'].includes(key))
      problems.push({ path: key, problem: 'is not a field of a queue action' });
  }
  const given = ['item_ids', 'trigger_id', 'all'].filter((key) => body[key] !== undefined);
  if (given.length !== 1)
    problems.push({ path: '', problem: 'must give exactly one of item_ids, trigger_id or all' });
  const ids = body.item_ids;
  if (ids !== undefined && (!Array.isArray(ids) || ids.some((id) => !Number.isSafeInteger(id) || id < 1))) {
    problems.push({ path: 'item_ids', problem: 'must be a list of item ids' });
  }
  const triggerId = body.trigger_id;
  if (triggerId !== undefined && (!Number.isSafeInteger(triggerId) || (triggerId as number) < 1)) {
    problems.push({ path: 'trigger_id', problem: 'must be a trigger id' });
  }
  if (body.all !== undefined && body.all !== true) problems.push({ path: 'all', problem: 'must be true' });
  if (problems.length > 0) throw validationError(problems, 'The queue action is not valid');
  if (ids !== undefined) return { itemIds: ids as number[] };
  if (triggerId !== undefined) return { triggerId: triggerId as number };
  return { all: true };
}

/** The item's record as the records API shows it, or null when it has been deleted since. */
async function recordOf(db: Db, studioId: number, kind: string, id: number) {
  const studio = (await loadStudioContext(db, studioId)) as StudioContext;
  try {
    return await getRecord(db, studio, recordKind(kind as RecordKindName), id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'ERR_NOT_FOUND') return null;
    throw error;
  }
}
