import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../../config.js';
import type { DeliveryProviders } from '../../delivery/delivery-channels.js';
import type { Clock } from '../../domain/clock.js';
import { AppError } from '../../domain/errors.js';
import { inboundSmsParams } from '../../inbound/inbound-sms-params.js';
import { receiveSms } from '../../inbound/receive-sms.js';
import { applySmsStatus, smsStatusParams } from '../../inbound/sms-status-callback.js';
import { verifiedTwilioParams } from '../../inbound/twilio-webhook-request.js';
import type { Db } from '../../store/database.js';

/** Twilio's requests are a few kilobytes; anything much larger is not from Twilio (413). */
const WEBHOOK_BODY_LIMIT = 64 * 1024;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

const tags = ['Webhooks'];
// Described, not enforced: the handler checks the signature before it judges any field, and
// names each problem in Twilio's words (a repeated parameter, a NUL character, …).
const formBody = (names: string[]) => ({
  type: 'object',
  additionalProperties: true,
  properties: Object.fromEntries(names.map((name) => [name, { description: `Twilio's ${name} (text)` }])),
});

function twiml(reply: FastifyReply) {
  return reply.type('text/xml; charset=utf-8').send(EMPTY_TWIML);
}

/**
 * Twilio's webhooks (docs/inbound.md): inbound SMS and delivery status callbacks. Public routes,
 * authenticated by the X-Twilio-Signature of every request instead of a session or token.
 * Answers to inbound SMS (HELP, the NPS re-ask) go through the outbox, so the TwiML answer is
 * always empty.
 */
export function registerTwilioWebhookRoutes(
  app: FastifyInstance,
  db: Db,
  clock: Clock,
  config: Config,
  providers: DeliveryProviders,
): void {
  app.post('/api/v1/webhooks/twilio/sms', {
    config: { public: true },
    bodyLimit: WEBHOOK_BODY_LIMIT,
    schema: {
      tags,
      operationId: 'receiveTwilioSms',
      summary:
        'Twilio\'s "a message comes in" webhook: stores the SMS and acts on STOP, START, HELP, YES and NPS answers',
      security: [],
      consumes: ['application/x-www-form-urlencoded'],
      body: formBody(['MessageSid', 'From', 'To', 'Body']),
    },
    handler: async (request, reply) => {
      const sms = inboundSmsParams(verifiedTwilioParams(request, config));
      const received = await receiveSms({ db, clock, config, providers }, sms);
      if (received.kind === 'unknown_number') {
        request.log.warn({ to: sms.to }, 'inbound SMS to a number no studio has; nothing stored');
        throw new AppError('ERR_NOT_FOUND', `No studio receives SMS at ${sms.to}; nothing was stored`, [
          { path: 'To', problem: 'is not the SMS number of any studio' },
        ]);
      }
      return twiml(reply);
    },
  });
  app.post('/api/v1/webhooks/twilio/status', {
    config: { public: true },
    bodyLimit: WEBHOOK_BODY_LIMIT,
    schema: {
      tags,
      operationId: 'receiveTwilioStatus',
      summary:
        "Twilio's status callback for a sent SMS: moves its delivery forward (delivered, failed with the code)",
      security: [],
      consumes: ['application/x-www-form-urlencoded'],
      body: formBody(['MessageSid', 'MessageStatus', 'ErrorCode']),
    },
    handler: async (request, reply) => {
      const status = smsStatusParams(verifiedTwilioParams(request, config));
      const result = await applySmsStatus(db, clock, status);
      if (!result.found) {
        request.log.warn({ sid: status.messageSid }, 'status callback for an SMS no delivery has');
        throw new AppError('ERR_NOT_FOUND', `No delivery has the provider message id ${status.messageSid}`, [
          { path: 'MessageSid', problem: 'is not the id of any delivery' },
        ]);
      }
      return twiml(reply);
    },
  });
}
