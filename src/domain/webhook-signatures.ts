import { createHmac, createPublicKey, timingSafeEqual, verify, type KeyObject } from 'node:crypto';

/**
 * Signature checks of the email-events webhooks (docs/inbound.md). Both sign a timestamp together
 * with the raw body, so a captured request cannot be replayed later with a fresh timestamp, and
 * both are checked before a byte of the body is parsed.
 */

/** How far a webhook's timestamp may be from our clock, either way. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export type SignatureCheck = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/**
 * Our JSON format: `X-Triggerfish-Signature: sha256=<hex>` of HMAC-SHA256 over
 * `<X-Triggerfish-Timestamp>.<raw body>` with EMAIL_EVENTS_SECRET.
 */
export function signJsonWebhook(secret: string, timestamp: string, body: Buffer | string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `sha256=${mac}`;
}

export function checkJsonWebhook(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  body: Buffer,
  now: Date,
): SignatureCheck {
  const fresh = checkTimestamp(timestamp, now, 'X-Triggerfish-Timestamp');
  if (!fresh.ok) return fresh;
  if (!signature || !/^sha256=[0-9a-f]{64}$/i.test(signature)) {
    return { ok: false, problem: 'X-Triggerfish-Signature must be "sha256=" and 64 hex digits' };
  }
  const expected = Buffer.from(signJsonWebhook(secret, timestamp as string, body));
  const given = Buffer.from(signature.toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? { ok: true }
    : { ok: false, problem: 'X-Triggerfish-Signature does not match the body' };
}

/**
 * The verification key SendGrid shows when its Signed Event Webhook is turned on: base64 of the DER
 * (SubjectPublicKeyInfo) of an ECDSA P-256 key; null when it is not such a key.
 */
export function parseSendgridPublicKey(base64: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(base64.trim(), 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1'
      ? key
      : null;
  } catch {
    return null;
  }
}

/**
 * SendGrid's Signed Event Webhook: `X-Twilio-Email-Event-Webhook-Signature` is the base64 of an
 * ECDSA P-256 / SHA-256 signature (DER) of `<X-Twilio-Email-Event-Webhook-Timestamp><raw body>`.
 */
export function checkSendgridWebhook(
  key: KeyObject,
  timestamp: string | undefined,
  signature: string | undefined,
  body: Buffer,
  now: Date,
): SignatureCheck {
  const fresh = checkTimestamp(timestamp, now, 'X-Twilio-Email-Event-Webhook-Timestamp');
  if (!fresh.ok) return fresh;
  if (!signature || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature) || signature.length > 200) {
    return { ok: false, problem: 'X-Twilio-Email-Event-Webhook-Signature must be a base64 signature' };
  }
  const signed = Buffer.concat([Buffer.from(timestamp as string), body]);
  let valid = false;
  try {
    valid = verify('sha256', signed, key, Buffer.from(signature, 'base64'));
  } catch {
    valid = false;
  }
  return valid
    ? { ok: true }
    : { ok: false, problem: 'X-Twilio-Email-Event-Webhook-Signature does not match the body' };
}

/** Unix seconds within the tolerance of now: an older request is a replay (or a very late retry). */
function checkTimestamp(timestamp: string | undefined, now: Date, header: string): SignatureCheck {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, problem: `${header} must be the time in Unix seconds` };
  }
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  return skew <= WEBHOOK_TOLERANCE_SECONDS
    ? { ok: true }
    : {
        ok: false,
        problem: `${header} is ${Math.round(skew)} seconds from the server's time (at most ${WEBHOOK_TOLERANCE_SECONDS} allowed)`,
      };
}
