import type { FastifyInstance } from 'fastify';
import type { Db } from '../../store/database.js';
import { listCommunications, type CommunicationQuery } from '../../store/list-communications.js';
import { authOf } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';

/** Communications that processing created, with their delivery: the outbox and its capture log. */
export function registerCommunicationRoutes(app: FastifyInstance, db: Db): void {
  app.get('/api/v1/communications', {
    ...describeOnly,
    schema: {
      tags: ['Communications'],
      operationId: 'listCommunications',
      summary: 'Emails, SMS, calls and letters, newest first, with their final content and delivery',
      querystring: {
        type: 'object',
        properties: {
          channel: { type: 'string', enum: ['email', 'sms', 'phone_call', 'letter'] },
          client_id: { type: 'string' },
          triggered_item_id: { type: 'string' },
          delivery_state: { type: 'string' },
          provider: { type: 'string', description: 'capture: the development inbox' },
          before: { type: 'string', description: 'the next_before of the previous page' },
          limit: { type: 'string', description: '1 to 500, default 50' },
        },
      },
    },
    handler: async (request) =>
      listCommunications(db, authOf(request).studioId, request.query as CommunicationQuery),
  });
}
