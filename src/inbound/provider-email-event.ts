import type { ProblemDetail } from '../domain/errors.js';
import type { EmailEvent } from '../domain/triggers/trigger-definition.js';

/** One delivery event as either webhook format says it, before it is matched to an email. */
export interface ProviderEmailEvent {
  readonly event: EmailEvent;
  /** ISO-8601 UTC. */
  readonly occurredAt: string;
  /** Unique per event at the provider: a retried webhook is stored once. */
  readonly providerEventId: string;
  readonly source: 'json' | 'sendgrid';
  /** The Message-ID we sent, without angle brackets. */
  readonly messageId: string | null;
  readonly communicationId: number | null;
  /** The id the provider's SMTP server gave when it accepted the email (its queue id). */
  readonly providerMessageId: string | null;
  readonly email: string | null;
  readonly reason: string | null;
  readonly url: string | null;
  /** A hard bounce or a spam report: the address goes on the studio's block list. */
  readonly blocksAddress: boolean;
}

/** The events of a batch, or every problem found in it (then nothing is applied). */
export type ParsedBatch =
  | { readonly ok: true; readonly events: ProviderEmailEvent[]; readonly ignored: number }
  | { readonly ok: false; readonly problems: ProblemDetail[] };

/** Longest reason or URL kept; a provider's bounce text can run long, and the rest says nothing new. */
export const TEXT_LIMIT = 2000;

/** A Message-ID as we store it (`<…>`), from one given with or without its angle brackets. */
export function bareMessageId(raw: string): string {
  return raw.trim().replace(/^<(.*)>$/, '$1');
}

/**
 * Whether any string in a parsed JSON value holds a NUL character: PostgreSQL text cannot store
 * one, and no legitimate event needs it, so such a payload is refused before anything is written.
 */
export function hasNulCharacter(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNulCharacter);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, v]) => key.includes('\u0000') || hasNulCharacter(v));
  }
  return false;
}

/** The body as JSON, or the problem with it. */
export function parseJsonBody(
  body: Buffer,
): { ok: true; value: unknown } | { ok: false; problems: ProblemDetail[] } {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, problems: [{ path: '', problem: 'the body must be JSON' }] };
  }
  if (hasNulCharacter(value)) {
    return { ok: false, problems: [{ path: '', problem: 'must not contain NUL characters (\\u0000)' }] };
  }
  return { ok: true, value };
}

/** A text field cut to TEXT_LIMIT characters (by code point, so no emoji is split in half). */
export function clipped(text: string): string {
  const chars = Array.from(text);
  return chars.length > TEXT_LIMIT ? chars.slice(0, TEXT_LIMIT).join('') : text;
}
