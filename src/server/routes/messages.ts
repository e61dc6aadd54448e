import type { FastifyInstance } from 'fastify';
import { studioNow } from '../../control-center/studio-now.js';
import type { DeliveryProviders } from '../../delivery/delivery-channels.js';
import type { Clock } from '../../domain/clock.js';
import { conflict, validationError } from '../../domain/errors.js';
import { queueSmsReply } from '../../inbound/queue-sms-reply.js';
import { webhookField } from '../../inbound/webhook-field.js';
import type { Db } from '../../store/database.js';
import { getCommunication } from '../../store/list-communications.js';
import {
  getMessage,
  getMessageRow,
  listMessages,
  listMessageThreads,
  markMessage,
  type MessageQuery,
} from '../../store/message-inbox.js';
import { loose } from '../../store/record-table.js';
import { isSmsNumberOptedOut } from '../../store/sms-opt-outs.js';
import { getStudio } from '../../store/studios.js';
import { authOf, requireRole } from '../auth/request-auth.js';
import { parseId } from '../parse-id.js';

const tags = ['Messages'];
const idParams = { type: 'object', properties: { id: { type: 'integer' } } };

/** The Messages inbox: inbound SMS, read state, and staff replies through the outbox. */
export function registerMessageRoutes(
  app: FastifyInstance,
  db: Db,
  clock: Clock,
  providers: DeliveryProviders,
): void {
  app.get('/api/v1/messages', {
    schema: {
      tags,
      operationId: 'listMessages',
      summary: 'Inbound SMS of the Messages inbox, unread first, then newest first',
      querystring: {
        type: 'object',
        properties: {
          unread: { type: 'string', enum: ['true', 'false'] },
          number: { type: 'string', description: "the sender's number" },
          offset: { type: 'string', description: 'the next_offset of the previous page' },
          limit: { type: 'string', description: '1 to 500, default 50' },
        },
      },
    },
    handler: async (request) => {
      const studio = await getStudio(db, authOf(request).studioId);
      return listMessages(db, studio.id, studio.country, request.query as MessageQuery);
    },
  });
  app.get('/api/v1/messages/threads', {
    schema: {
      tags,
      operationId: 'listMessageThreads',
      summary:
        'One thread per number that texted the studio: client, unread count, last message; unread first',
    },
    handler: async (request) => listMessageThreads(db, authOf(request).studioId),
  });
  app.get('/api/v1/messages/:id', {
    schema: {
      tags,
      operationId: 'getMessage',
      summary: 'One inbound SMS with what it did, which clients its number matched, and its thread',
      params: idParams,
    },
    handler: async (request) => getMessage(db, authOf(request).studioId, parseId(request)),
  });
  for (const [verb, read] of [
    ['read', true],
    ['unread', false],
  ] as const) {
    app.post(`/api/v1/messages/:id/${verb}`, {
      schema: {
        tags,
        operationId: read ? 'markMessageRead' : 'markMessageUnread',
        summary: read ? 'Mark an inbound SMS read' : 'Mark an inbound SMS unread again',
        params: idParams,
      },
      handler: async (request) => {
        const studio = await getStudio(db, authOf(request).studioId);
        return markMessage(db, studio.id, parseId(request), read, studioNow(studio, clock));
      },
    });
  }
  app.post('/api/v1/messages/:id/reply', {
    schema: {
      tags,
      operationId: 'replyToMessage',
      summary:
        'Answer an inbound SMS: an outbound SMS to the same number through the outbox (refused when the number has opted out)',
      params: idParams,
      body: {
        type: 'object',
        required: ['text'],
        additionalProperties: false,
        properties: { text: { type: 'string', minLength: 1, maxLength: 1600 } },
      },
    },
    handler: async (request, reply) => {
      const auth = requireRole(request, 'staff');
      const studio = await getStudio(db, auth.studioId);
      const message = await getMessageRow(db, studio.id, parseId(request));
      const problems: { path: string; problem: string }[] = [];
      const text = webhookField(request.body as Record<string, string>, 'text', problems, {
        required: true,
        max: 1600,
      });
      if (text === null || text.trim() === '')
        throw validationError(problems.length ? problems : [{ path: 'text', problem: 'must not be blank' }]);
      const to = String(message.from_address);
      const now = studioNow(studio, clock);
      const id = await db.transaction().execute(async (trx) => {
        if (await isSmsNumberOptedOut(trx, studio.id, to)) {
          throw conflict(`${to} has opted out of SMS (STOP); nothing was sent`, [
            { path: 'text', problem: 'cannot be sent: the number is on the STOP list' },
          ]);
        }
        const record =
          message.record_kind == null
            ? null
            : { kind: String(message.record_kind), id: Number(message.record_id) };
        const queued = await queueSmsReply(
          trx,
          studio,
          providers,
          {
            to,
            text: text.trim(),
            purpose: 'staff_reply',
            clientId: message.client_id == null ? null : Number(message.client_id),
            record,
          },
          now,
        );
        // Answering a message is reading it.
        await loose(trx)
          .updateTable('communications')
          .set({ read_at: now.toISOString() })
          .where('id', '=', Number(message.id))
          .where('read_at', 'is', null)
          .execute();
        return queued;
      });
      return reply.status(201).send(await getCommunication(db, studio.id, id));
    },
  });
}
