import { createHmac, timingSafeEqual } from 'node:crypto';

export type TwilioParams = Readonly<Record<string, string | readonly string[]>>;

/**
 * Twilio's webhook signature (`X-Twilio-Signature`): HMAC-SHA1 keyed with the account's auth token
 * over the full URL Twilio requested, followed by every POST parameter sorted by name, each name
 * directly followed by its value (a repeated name by each of its values in order), base64-encoded.
 */
export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name] as string | readonly string[];
    for (const one of typeof value === 'string' ? [value] : value) data += name + one;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Whether a sent signature is the one for this URL and these parameters, compared in constant time. */
export function isTwilioSignatureValid(
  authToken: string,
  url: string,
  params: TwilioParams,
  sent: string | undefined,
): boolean {
  if (typeof sent !== 'string' || sent === '') return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(sent);
  // timingSafeEqual needs equal lengths; a length mismatch says nothing about the secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
