import type { FastifyInstance } from 'fastify';
import type { Db } from '../../store/database.js';
import { listConsentEvents } from '../../store/list-consent-events.js';
import { errorSchema } from '../record-schemas.js';
import { parseId } from '../parse-id.js';
import { studioOf } from './records.js';

const consentEventSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    channel: { type: 'string', enum: ['email', 'sms', 'mail', 'phone'] },
    address: { type: 'string', nullable: true, description: 'The address or number it applies to, if any' },
    action: { type: 'string', enum: ['opt_in', 'opt_out'] },
    source: {
      type: 'string',
      description:
        'Where the change came from: staff (signed in), api (API token), import, demo, system, web_form (a form a client sent), sms_reply, unsubscribe_link or email_provider',
    },
    user_id: { type: 'integer', nullable: true, description: 'The staff user who made it, if any' },
    at: { type: 'string', format: 'date-time' },
  },
};

/** The consent ledger of a client, for every member of the studio to read. */
export function registerConsentEventRoutes(app: FastifyInstance, db: Db): void {
  app.get(
    '/api/v1/clients/:id/consent-events',
    {
      schema: {
        tags: ['Records'],
        operationId: 'listClientConsentEvents',
        summary: 'Consent ledger of a client, newest first',
        description:
          'Every change of an "Allow Marketing" flag (email, SMS, mail, phone) as opt_in / opt_out, with its source and user.',
        params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] },
        response: {
          200: { type: 'object', properties: { data: { type: 'array', items: consentEventSchema } } },
          400: errorSchema,
          401: errorSchema,
          404: errorSchema,
        },
      },
      // The id is checked by parseId (the same 400 as every record route), not by the schema.
      validatorCompiler: () => (value) => ({ value }),
    },
    async (request) => ({
      data: await listConsentEvents(db, await studioOf(db, request), parseId(request)),
    }),
  );
}
