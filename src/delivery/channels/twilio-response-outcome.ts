import type { SendOutcome } from '../channel.js';
import { retryAfterMs } from './retry-after.js';
import { twilioCodeKind, twilioCodeMeaning } from './twilio-error-codes.js';

/** What came back from `POST …/Messages.json`, as plain values so the decision is a pure function. */
export interface TwilioResponse {
  readonly status: number;
  readonly retryAfter: string | null;
  /** The body as text: JSON from Twilio, but a proxy in front of it may answer with HTML. */
  readonly body: string;
}

/** Twilio's error body: `{code, message, more_info, status}`. */
interface TwilioError {
  readonly code: number | null;
  readonly message: string | null;
  readonly moreInfo: string | null;
}

/**
 * Decides a send from Twilio's answer. Order matters: a Twilio error code we know wins over the
 * HTTP status (21610 is a 400 but means opted out; 30001 is worth a retry whatever the status),
 * then the status decides:
 *
 * - 2xx: accepted; the message's `sid` is the provider id.
 * - 429 and 5xx: temporary, with Retry-After when given.
 * - 401, 403, 404: temporary. They mean our credentials, account or base URL are wrong, not the
 *   message: failing every queued SMS for a typo in a setting would lose them, so they wait until
 *   it is fixed, no longer than the dispatcher's age limit.
 * - any other 4xx: permanent, with Twilio's code and message.
 * - anything else (1xx, 3xx): temporary; we do not know what happened.
 */
export function twilioResponseOutcome(response: TwilioResponse, now: Date): SendOutcome {
  const { status } = response;
  if (status >= 200 && status < 300) {
    return { kind: 'sent', providerId: sidOf(response.body) };
  }
  const error = parseError(response.body);
  const code = error?.code != null ? `twilio-${error.code}` : `http-${status}`;
  const reason = reasonOf(status, error, response.body);
  const known = error?.code != null ? twilioCodeKind(error.code) : undefined;
  if (known === 'opted-out') return { kind: 'permanent', code, reason, optedOut: true };
  if (known === 'permanent') return { kind: 'permanent', code, reason };
  if (known === 'temporary' || status === 429 || status >= 500 || status < 400) {
    return temporary(code, reason, retryAfterMs(response.retryAfter, now));
  }
  if (status === 401 || status === 403 || status === 404) {
    return {
      kind: 'temporary',
      code,
      reason: `${reason} — check TWILIO_BASE_URL, TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN`,
    };
  }
  return { kind: 'permanent', code, reason };
}

function temporary(code: string, reason: string, retryAfter: number | undefined): SendOutcome {
  return retryAfter === undefined
    ? { kind: 'temporary', code, reason }
    : { kind: 'temporary', code, reason, retryAfterMs: retryAfter };
}

function sidOf(body: string): string | null {
  const parsed = parseJson(body);
  return typeof parsed?.sid === 'string' ? parsed.sid : null;
}

function parseError(body: string): TwilioError | null {
  const parsed = parseJson(body);
  if (!parsed) return null;
  const code = typeof parsed.code === 'number' ? parsed.code : Number.parseInt(String(parsed.code), 10);
  return {
    code: Number.isInteger(code) ? code : null,
    message: typeof parsed.message === 'string' ? parsed.message : null,
    moreInfo: typeof parsed.more_info === 'string' ? parsed.more_info : null,
  };
}

function parseJson(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** e.g. `Twilio 21211 (HTTP 400): The 'To' number 12345 is not a valid phone number. https://…/21211` */
function reasonOf(status: number, error: TwilioError | null, body: string): string {
  if (error?.code == null && !error?.message) {
    const snippet = body.replace(/\s+/g, ' ').trim().slice(0, 200);
    return `Twilio answered HTTP ${status}${snippet ? `: ${snippet}` : ''}`;
  }
  const what = error.code != null ? `Twilio ${error.code} (HTTP ${status})` : `Twilio HTTP ${status}`;
  const message = error.message ?? (error.code != null ? twilioCodeMeaning(error.code) : undefined);
  return [`${what}:`, message ?? 'no message', error.moreInfo].filter(Boolean).join(' ');
}
