import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Clock } from '../../domain/clock.js';
import { AppError, validationError } from '../../domain/errors.js';
import {
  checkJsonWebhook,
  checkSendgridWebhook,
  parseSendgridPublicKey,
  type SignatureCheck,
} from '../../domain/webhook-signatures.js';
import { applyEmailEvent, type EventOutcome } from '../../inbound/apply-email-event.js';
import { parseJsonEmailEvents } from '../../inbound/parse-json-email-events.js';
import { parseSendgridEvents } from '../../inbound/parse-sendgrid-events.js';
import { parseJsonBody, type ParsedBatch } from '../../inbound/provider-email-event.js';
import type { Db } from '../../store/database.js';
import { errorSchema } from '../record-schemas.js';

/** Largest webhook body: SendGrid batches many events in one request. Larger is a 413. */
export const WEBHOOK_BODY_LIMIT = 5 * 1024 * 1024;

const tags = ['Inbound'];
const summarySchema = {
  type: 'object',
  properties: {
    received: { type: 'integer', description: 'Events in the request' },
    recorded: { type: 'integer', description: 'New events stored and applied' },
    duplicates: { type: 'integer', description: 'Events already stored (a retry): nothing changed' },
    unmatched: { type: 'integer', description: 'Events about no email of ours: acknowledged, not stored' },
    ignored: { type: 'integer', description: 'Event kinds that mean nothing here (processed, deferred, …)' },
  },
};
const responses = {
  200: summarySchema,
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  413: errorSchema,
};

/**
 * The email-events webhooks (SPEC §5, docs/inbound.md): our JSON format signed with
 * EMAIL_EVENTS_SECRET, and SendGrid's Event Webhook signed with its ECDSA key. Public routes: the
 * signature over the raw body is the authentication, so inside this scope JSON bodies are kept as
 * bytes and parsed only once the signature holds. Both answer 200 with counts once the batch is
 * applied, so the provider stops retrying; anything it should not retry is a 4xx.
 */
export function registerEmailEventRoutes(app: FastifyInstance, db: Db, clock: Clock, config: Config): void {
  const sendgridKey = config.sendgridWebhookPublicKey
    ? parseSendgridPublicKey(config.sendgridWebhookPublicKey)
    : null;
  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.post('/api/v1/webhooks/email-events', {
      config: { public: true },
      bodyLimit: WEBHOOK_BODY_LIMIT,
      schema: {
        tags,
        operationId: 'receiveEmailEvents',
        summary: 'Email delivery events in Triggerfish JSON, signed with EMAIL_EVENTS_SECRET',
        description:
          'A JSON array of events; headers X-Triggerfish-Timestamp (Unix seconds) and X-Triggerfish-Signature (sha256=HMAC-SHA256 hex of "<timestamp>.<raw body>"). See docs/inbound.md.',
        security: [],
        response: responses,
      },
      handler: async (request, reply) => {
        const secret = config.emailEventsSecret;
        if (!secret) throw off('EMAIL_EVENTS_SECRET');
        const signed = checkJsonWebhook(
          secret,
          header(request, 'x-triggerfish-timestamp'),
          header(request, 'x-triggerfish-signature'),
          bodyOf(request),
          clock.now(),
        );
        return receive(request, reply, signed, parseJsonEmailEvents);
      },
    });
    scope.post('/api/v1/webhooks/sendgrid/events', {
      config: { public: true },
      bodyLimit: WEBHOOK_BODY_LIMIT,
      schema: {
        tags,
        operationId: 'receiveSendgridEvents',
        summary: "SendGrid's Event Webhook, its signature checked with SENDGRID_WEBHOOK_PUBLIC_KEY",
        description:
          "Point SendGrid's Event Webhook here and turn on its Signed Event Webhook; events are matched to our email by the triggerfish_message_id custom argument, smtp-id or sg_message_id. See docs/inbound.md.",
        security: [],
        response: responses,
      },
      handler: async (request, reply) => {
        if (!sendgridKey) throw off('SENDGRID_WEBHOOK_PUBLIC_KEY');
        const signed = checkSendgridWebhook(
          sendgridKey,
          header(request, 'x-twilio-email-event-webhook-timestamp'),
          header(request, 'x-twilio-email-event-webhook-signature'),
          bodyOf(request),
          clock.now(),
        );
        return receive(request, reply, signed, parseSendgridEvents);
      },
    });
  });

  async function receive(
    request: FastifyRequest,
    reply: FastifyReply,
    signed: SignatureCheck,
    parse: (value: unknown) => ParsedBatch,
  ) {
    if (request.body !== undefined && !Buffer.isBuffer(request.body)) {
      throw validationError([{ path: 'content-type', problem: 'must be application/json' }]);
    }
    if (!signed.ok) {
      // No signature at all is "who are you?"; a wrong or stale one is "no".
      const code = /must be/.test(signed.problem) ? 'ERR_UNAUTHENTICATED' : 'ERR_FORBIDDEN';
      throw new AppError(code, `The webhook signature was refused: ${signed.problem}`, [
        { path: '', problem: signed.problem },
      ]);
    }
    const json = parseJsonBody(bodyOf(request));
    if (!json.ok) throw validationError(json.problems, 'The email events are not valid');
    const batch = parse(json.value);
    if (!batch.ok) throw validationError(batch.problems, 'The email events are not valid');
    const counts: Record<EventOutcome, number> = { recorded: 0, duplicate: 0, unmatched: 0 };
    for (const event of batch.events) {
      const outcome = await applyEmailEvent(db, clock, event);
      counts[outcome] += 1;
      if (outcome === 'unmatched') {
        request.log.info(
          { source: event.source, provider_event_id: event.providerEventId, event: event.event },
          'email event about no email of ours: acknowledged, not stored',
        );
      }
    }
    return reply.send({
      received: batch.events.length + batch.ignored,
      recorded: counts.recorded,
      duplicates: counts.duplicate,
      unmatched: counts.unmatched,
      ignored: batch.ignored,
    });
  }
}

function off(setting: string): AppError {
  return new AppError('ERR_FORBIDDEN', `This webhook is off: set ${setting} to turn it on`, [
    { path: '', problem: `${setting} is not set` },
  ]);
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function bodyOf(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}
