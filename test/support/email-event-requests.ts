import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { signJsonWebhook } from '../../src/domain/webhook-signatures.js';

/** The shared secret of the JSON webhook in tests. */
export const EVENTS_SECRET = 'email-events-secret-of-at-least-32-characters';

/** A real ECDSA P-256 key pair, as SendGrid's Signed Event Webhook uses; the public half as SendGrid shows it. */
export function sendgridKeys(): { privateKey: KeyObject; publicKeyBase64: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    privateKey,
    publicKeyBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

export interface Signing {
  /** Unix seconds; by default the clock's now. */
  readonly timestamp?: number;
  /** Sign with another secret or key (a forgery). */
  readonly secret?: string;
  readonly privateKey?: KeyObject;
  /** Send without signature headers. */
  readonly unsigned?: boolean;
  readonly contentType?: string;
}

/** POSTs a raw body to our JSON webhook, signed as docs/inbound.md says. */
export function postJsonEvents(app: FastifyInstance, now: Date, body: string, signing: Signing = {}) {
  return postSigned(app, '/api/v1/webhooks/email-events', now, body, signing, (timestamp) => ({
    'x-triggerfish-timestamp': timestamp,
    'x-triggerfish-signature': signJsonWebhook(signing.secret ?? EVENTS_SECRET, timestamp, body),
  }));
}

/** POSTs a raw body to the SendGrid webhook, signed the way SendGrid signs: timestamp + body. */
export function postSendgridEvents(
  app: FastifyInstance,
  now: Date,
  key: KeyObject,
  body: string,
  signing: Signing = {},
) {
  return postSigned(app, '/api/v1/webhooks/sendgrid/events', now, body, signing, (timestamp) => ({
    'x-twilio-email-event-webhook-timestamp': timestamp,
    'x-twilio-email-event-webhook-signature': sign(
      'sha256',
      Buffer.from(timestamp + body),
      signing.privateKey ?? key,
    ).toString('base64'),
  }));
}

async function postSigned(
  app: FastifyInstance,
  url: string,
  now: Date,
  body: string,
  signing: Signing,
  signatureHeaders: (timestamp: string) => Record<string, string>,
) {
  const timestamp = String(signing.timestamp ?? Math.floor(now.getTime() / 1000));
  const headers: Record<string, string> = {
    'content-type': signing.contentType ?? 'application/json',
    ...(signing.unsigned ? {} : signatureHeaders(timestamp)),
  };
  const response = await app.inject({ method: 'POST', url, headers, payload: body });
  return { status: response.statusCode, body: response.json() };
}
