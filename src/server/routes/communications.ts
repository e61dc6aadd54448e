import type { FastifyInstance } from 'fastify';
import { getAttachment } from '../../store/communication-attachments.js';
import type { Db } from '../../store/database.js';
import {
  getCommunication,
  listCommunications,
  type CommunicationQuery,
} from '../../store/list-communications.js';
import { authOf } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';
import { parseId } from '../parse-id.js';

const tags = ['Communications'];

/**
 * Communications that processing created, with their delivery and attachments: the outbox and,
 * with `provider=capture`, the development inbox of what a sandbox studio would have sent.
 */
export function registerCommunicationRoutes(app: FastifyInstance, db: Db): void {
  app.get('/api/v1/communications', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'listCommunications',
      summary:
        'Emails, SMS, calls and letters, newest first, with their final content, delivery and attachments',
      querystring: {
        type: 'object',
        properties: {
          channel: { type: 'string', enum: ['email', 'sms', 'phone_call', 'letter'] },
          client_id: { type: 'string' },
          triggered_item_id: { type: 'string' },
          record_kind: { type: 'string', description: 'with record_id: what was sent about that record' },
          record_id: { type: 'string', description: 'required with record_kind' },
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
  app.get('/api/v1/communications/:id', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'getCommunication',
      summary:
        'One communication with its final content, delivery and attachments (names, types, sizes, URLs)',
      params: { type: 'object', properties: { id: { type: 'integer' } } },
    },
    handler: async (request) => getCommunication(db, authOf(request).studioId, parseId(request)),
  });
  app.get('/api/v1/communications/:id/attachments/:attachmentId', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'getCommunicationAttachment',
      summary: 'Download an attachment exactly as it was sent (a PDF or an .ics file)',
      params: {
        type: 'object',
        properties: { id: { type: 'integer' }, attachmentId: { type: 'integer' } },
      },
    },
    handler: async (request, reply) => {
      const file = await getAttachment(
        db,
        authOf(request).studioId,
        parseId(request),
        parseId(request, 'attachmentId'),
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  });
}

/** `attachment` with the name as plain ASCII and, for any other character, RFC 6266's UTF-8 form. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
