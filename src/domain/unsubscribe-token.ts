import { createHmac, timingSafeEqual } from 'node:crypto';

/** Whom and what an unsubscribe link is about (SPEC §5: unsubscribes clear Allow Marketing). */
export interface UnsubscribeRef {
  readonly studioId: number;
  /** Null when the message went to someone who is not a client (staff, the studio itself). */
  readonly clientId: number | null;
  readonly channel: 'email' | 'sms';
  readonly communicationId: number;
}

/** The path of the unsubscribe page; the token follows it. */
export const UNSUBSCRIBE_PATH = '/u/';

// The purpose is part of what is signed, so a signature made with the same key for anything else
// can never pass as an unsubscribe token.
const PURPOSE = 'triggerfish-unsubscribe-v1';

/**
 * A URL-safe unsubscribe token: `studio.client.channel.communication.signature`, the signature an
 * HMAC-SHA256 of the rest under the installation's secret (base64url, 43 characters). The ids are
 * readable on purpose: they are not secrets, and support can tell at a glance whose link it is;
 * what cannot be done without the secret is making one for somebody else.
 */
export function signUnsubscribeToken(secret: string, ref: UnsubscribeRef): string {
  const payload = [ref.studioId, ref.clientId ?? 0, ref.channel, ref.communicationId].join('.');
  return `${payload}.${signature(secret, payload)}`;
}

/** The reference a token was signed for, or null when it is malformed or its signature is wrong. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeRef | null {
  const match = /^([1-9]\d{0,15})\.(0|[1-9]\d{0,15})\.(email|sms)\.([1-9]\d{0,15})\.([\w-]{43})$/.exec(token);
  if (!match) return null;
  const [, studio, client, channel, communication, given] = match as unknown as string[];
  const payload = [studio, client, channel, communication].join('.');
  const expected = Buffer.from(signature(secret, payload));
  const actual = Buffer.from(given as string);
  // Constant time, so the signature cannot be guessed a character at a time from response times.
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return {
    studioId: Number(studio),
    clientId: client === '0' ? null : Number(client),
    channel: channel as UnsubscribeRef['channel'],
    communicationId: Number(communication),
  };
}

/** `{base}/u/{token}`; the base is the server's public address. */
export function unsubscribeUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${UNSUBSCRIBE_PATH}${token}`;
}

function signature(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`${PURPOSE}:${payload}`).digest('base64url');
}
