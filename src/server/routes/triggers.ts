import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import { triggerTypeCatalog } from '../../domain/triggers/trigger-type-catalog.js';
import { baselineCounts } from '../../engine/baseline-counts.js';
import type { Db } from '../../store/database.js';
import type { ListQuery } from '../../store/list-records.js';
import { listTriggers } from '../../store/list-triggers.js';
import {
  copyTrigger,
  createTrigger,
  deleteTrigger,
  getTrigger,
  setTriggerActive,
  updateTrigger,
} from '../../store/triggers.js';
import type { TriggerJson } from '../../store/trigger-rows.js';
import { requireRole } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';
import { baselineCountsSchema } from '../insight-schemas.js';
import { parseId } from '../parse-id.js';
import { errorSchema } from '../record-schemas.js';
import {
  triggerInputSchema,
  triggerListItemSchema,
  triggerListQuerySchema,
  triggerSchema,
  triggerTypesSchema,
} from '../trigger-schemas.js';
import { studioAtNow, studioClock } from '../studio-at-now.js';
import { studioOf } from './records.js';

const tags = ['Triggers'];
const idParam = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] };
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const one = { 200: { description: 'The trigger', ...triggerSchema }, ...errors };
/** The trigger with the counts of a save that set its baseline (SPEC §3.5), beside its fields. */
const withBaseline = (description: string) => ({
  description,
  ...triggerSchema,
  properties: { ...(triggerSchema.properties as object), baseline: baselineCountsSchema },
});

/**
 * Triggers are settings (SPEC §3): every member of the studio reads them; owners and admins change
 * them. Staff work records and, later, the queue.
 */
export function registerTriggerRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  // A sandbox studio's baseline is on its test clock, where the Control Center evaluates it.
  const depsOf = async (request: FastifyRequest) => ({ db, clock: await studioClock(db, clock, request) });
  const admin = (request: FastifyRequest) => requireRole(request, 'admin');
  const counted = async (request: FastifyRequest, trigger: TriggerJson) => {
    const { studio, now } = await studioAtNow(db, clock, request);
    return { ...trigger, baseline: await baselineCounts(db, studio, trigger.id, now) };
  };

  app.get('/api/v1/trigger-types', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'listTriggerTypes',
      summary: 'The trigger types, their filters, date options, exclusions and actions',
      response: { 200: triggerTypesSchema, 401: errorSchema },
    },
    handler: async () => triggerTypeCatalog(),
  });

  app.get('/api/v1/triggers', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'listTriggers',
      summary: 'List triggers, by name',
      querystring: triggerListQuerySchema,
      response: {
        200: {
          description: 'A page of triggers',
          type: 'object',
          properties: {
            data: { type: 'array', items: triggerListItemSchema },
            next_cursor: { type: 'string', nullable: true },
          },
        },
        ...errors,
      },
    },
    handler: async (request) => listTriggers(db, await studioOf(db, request), request.query as ListQuery),
  });

  app.post('/api/v1/triggers', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'createTrigger',
      summary: 'Create a trigger',
      description:
        'Every problem of the body is reported at once, each with its path. An active trigger gets baseline_at = now, and the answer counts what that baseline covers (baseline).',
      body: triggerInputSchema('create'),
      response: { 201: withBaseline('The new trigger'), ...errors },
    },
    handler: async (request, reply) => {
      admin(request);
      const created = await createTrigger(await depsOf(request), await studioOf(db, request), request.body);
      return reply.status(201).send(await counted(request, created));
    },
  });

  app.get('/api/v1/triggers/:id', {
    ...describeOnly,
    schema: { tags, operationId: 'getTrigger', summary: 'Read a trigger', params: idParam, response: one },
    handler: async (request) => getTrigger(db, await studioOf(db, request), parseId(request)),
  });

  app.patch('/api/v1/triggers/:id', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'updateTrigger',
      summary: 'Change fields of a trigger (only those given; objects are replaced)',
      description:
        'The change is checked with the rest of the trigger. baseline_at moves to now when the type, a filter, the email event, the keyword, the date option or the offset of an active trigger changes; then the answer also has baseline (the counts).',
      params: idParam,
      body: triggerInputSchema('update'),
      response: { ...one, 200: withBaseline('The trigger') },
    },
    handler: async (request) => {
      admin(request);
      const studio = await studioOf(db, request);
      const id = parseId(request);
      const before = await getTrigger(db, studio, id);
      const after = await updateTrigger(await depsOf(request), studio, id, request.body);
      return after.baseline_at !== before.baseline_at ? counted(request, after) : after;
    },
  });

  app.delete('/api/v1/triggers/:id', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'deleteTrigger',
      summary: 'Delete a trigger',
      params: idParam,
      response: { 204: { description: 'Deleted', type: 'null' }, ...errors },
    },
    handler: async (request, reply) => {
      admin(request);
      await deleteTrigger(db, await studioOf(db, request), parseId(request));
      return reply.status(204).send();
    },
  });

  app.post('/api/v1/triggers/:id/copy', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'copyTrigger',
      summary: 'Copy a trigger: an inactive copy named "Copy of …"',
      params: idParam,
      response: { 201: { description: 'The copy', ...triggerSchema }, ...errors },
    },
    handler: async (request, reply) => {
      admin(request);
      const copy = await copyTrigger(await depsOf(request), await studioOf(db, request), parseId(request));
      return reply.status(201).send(copy);
    },
  });

  for (const [verb, active] of [
    ['activate', true],
    ['deactivate', false],
  ] as const) {
    app.post(`/api/v1/triggers/:id/${verb}`, {
      ...describeOnly,
      schema: {
        tags,
        operationId: `${verb}Trigger`,
        summary: active
          ? 'Activate a trigger (its baseline moves to now)'
          : 'Deactivate a trigger (its baseline is kept)',
        params: idParam,
        response: active ? { ...one, 200: withBaseline('The trigger') } : one,
      },
      handler: async (request) => {
        admin(request);
        const trigger = await setTriggerActive(
          await depsOf(request),
          await studioOf(db, request),
          parseId(request),
          active,
        );
        return active ? counted(request, trigger) : trigger;
      },
    });
  }
}
