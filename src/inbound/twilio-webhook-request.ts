import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { AppError, validationError } from '../domain/errors.js';
import { isTwilioSignatureValid, type TwilioParams } from '../domain/twilio-signature.js';

/**
 * The address Twilio requested, which its signature covers: PUBLIC_URL plus the path and query when
 * PUBLIC_URL is set (what the studio told Twilio to call); otherwise the scheme and host of the
 * request, which Fastify takes from X-Forwarded-Proto / X-Forwarded-Host only when the peer is one of
 * the TRUST_PROXY_HOPS trusted proxies. A caller that is not trusted cannot move the URL by sending
 * those headers, so a signature made for another address never matches.
 */
export function twilioWebhookUrl(request: FastifyRequest, config: Pick<Config, 'publicUrl'>): string {
  if (config.publicUrl) return `${config.publicUrl.replace(/\/+$/, '')}${request.url}`;
  return `${request.protocol}://${request.host}${request.url}`;
}

/**
 * Checks that a webhook request really comes from Twilio and returns its form parameters. Without
 * TWILIO_AUTH_TOKEN nothing can be verified, so nothing is accepted (403): an installation that
 * sends no SMS through Twilio has no reason to take SMS from anyone. A body that is not a form, a
 * missing or wrong signature: 400 or 403, before anything is read or stored.
 */
export function verifiedTwilioParams(
  request: FastifyRequest,
  config: Pick<Config, 'publicUrl' | 'twilioAuthToken'>,
): Record<string, string | string[]> {
  if (!config.twilioAuthToken) {
    throw new AppError(
      'ERR_FORBIDDEN',
      'Twilio webhooks are turned off: TWILIO_AUTH_TOKEN is not set, so no request can be verified',
    );
  }
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  const body = request.body;
  if (!type.startsWith('application/x-www-form-urlencoded') || !isFormParams(body)) {
    throw validationError(
      [{ path: '', problem: 'must be form-encoded (application/x-www-form-urlencoded) as Twilio sends it' }],
      'The webhook request is not valid',
    );
  }
  const signature = request.headers['x-twilio-signature'];
  const valid = isTwilioSignatureValid(
    config.twilioAuthToken,
    twilioWebhookUrl(request, config),
    body,
    typeof signature === 'string' ? signature : undefined,
  );
  if (!valid) {
    throw new AppError(
      'ERR_FORBIDDEN',
      signature === undefined
        ? 'The X-Twilio-Signature header is missing'
        : 'The X-Twilio-Signature header does not match this request and address',
    );
  }
  return body;
}

function isFormParams(body: unknown): body is Record<string, string | string[]> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  return Object.values(body).every(
    (v) => typeof v === 'string' || (Array.isArray(v) && v.every((one) => typeof one === 'string')),
  );
}

export type { TwilioParams };
