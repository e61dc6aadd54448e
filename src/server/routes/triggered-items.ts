import type { FastifyInstance } from 'fastify';
import {
  ITEM_STATES,
  listTriggeredItems,
  type TriggeredItemQuery,
} from '../../engine/list-triggered-items.js';
import { RECORD_KINDS } from '../../domain/record-kinds/index.js';
import type { Db } from '../../store/database.js';
import { authOf } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';
import { errorSchema } from '../record-schemas.js';

const itemSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    trigger_id: { type: 'integer' },
    trigger_name: { type: 'string' },
    record_kind: { type: 'string' },
    record_id: { type: 'integer' },
    state: { type: 'string', enum: [...ITEM_STATES] },
    reason: { type: 'string', nullable: true, description: 'Why it was skipped, withdrawn, expired…' },
    trigger_date: { type: 'string', format: 'date-time' },
    channel_used: { type: 'string', nullable: true },
    last_transition_at: {
      type: 'string',
      format: 'date-time',
      nullable: true,
      description: 'When its state last changed',
    },
  },
};

/** The trigger history of a record or a client: for record pages and integrations. */
export function registerTriggeredItemRoutes(app: FastifyInstance, db: Db): void {
  app.get('/api/v1/triggered-items', {
    ...describeOnly,
    schema: {
      tags: ['Process Triggers'],
      operationId: 'listTriggeredItems',
      summary: 'Triggered items in every state, newest trigger date first: the trigger history',
      description:
        'Filter by a record (record_kind and record_id together) or by a client (client_id: items on the client and on every record that leads to it: family members, sessions, appointments, invoices and their production orders, preproduction orders, tasks, web forms, loyalty rewards). Pages with next_cursor.',
      querystring: {
        type: 'object',
        properties: {
          record_kind: { type: 'string', enum: RECORD_KINDS.map((kind) => kind.name) },
          record_id: { type: 'string', description: 'required with record_kind' },
          client_id: { type: 'string', description: 'not with record_kind / record_id' },
          state: { type: 'string', enum: [...ITEM_STATES] },
          cursor: { type: 'string', description: 'the next_cursor of the previous page' },
          limit: { type: 'string', description: '1 to 500, default 50' },
        },
      },
      response: {
        200: {
          type: 'object',
          properties: {
            data: { type: 'array', items: itemSchema },
            next_cursor: { type: 'string', nullable: true },
          },
        },
        400: errorSchema,
        401: errorSchema,
      },
    },
    handler: async (request) =>
      listTriggeredItems(db, authOf(request).studioId, request.query as TriggeredItemQuery),
  });
}
