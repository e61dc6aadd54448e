import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { twilioSignature } from './fake-twilio.js';

export const TWILIO_TOKEN = 'test-auth-token-0123456789abcdef';
export const TWILIO_ENV = {
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
  PUBLIC_URL: 'https://sms.triggerfish.test',
};
export const SMS_PATH = '/api/v1/webhooks/twilio/sms';
export const STATUS_PATH = '/api/v1/webhooks/twilio/status';

export const messageSid = () => `SM${randomBytes(16).toString('hex')}`;

export interface SignedPost {
  /** The address the signature is made for; PUBLIC_URL plus the path unless told. */
  readonly signedUrl?: string;
  /** false: no X-Twilio-Signature header at all. */
  readonly sign?: boolean;
  readonly token?: string;
  readonly headers?: Record<string, string>;
  readonly remoteAddress?: string;
  /** The raw body, instead of the form-encoded params. */
  readonly payload?: string;
}

/** A request as Twilio sends it: form-encoded params signed (by the test's own HMAC) for an address. */
export function postTwilio(
  app: FastifyInstance,
  path: string,
  params: Record<string, string>,
  options: SignedPost = {},
) {
  const signedUrl = options.signedUrl ?? `${TWILIO_ENV.PUBLIC_URL}${path}`;
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    ...(options.sign === false
      ? {}
      : { 'x-twilio-signature': twilioSignature(options.token ?? TWILIO_TOKEN, signedUrl, params) }),
    ...options.headers,
  };
  const request: InjectOptions = {
    method: 'POST',
    url: path,
    headers,
    payload: options.payload ?? new URLSearchParams(params).toString(),
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  };
  return app.inject(request);
}

/** An inbound SMS's parameters as Twilio names them. */
export function smsParams(
  from: string,
  to: string,
  body: string,
  sid = messageSid(),
): Record<string, string> {
  return {
    AccountSid: TWILIO_ENV.TWILIO_ACCOUNT_SID,
    ApiVersion: '2010-04-01',
    Body: body,
    From: from,
    MessageSid: sid,
    NumMedia: '0',
    SmsSid: sid,
    To: to,
  };
}
