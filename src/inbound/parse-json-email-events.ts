import type { ProblemDetail } from '../domain/errors.js';
import { EMAIL_EVENTS, type EmailEvent } from '../domain/triggers/trigger-definition.js';
import { bareMessageId, clipped, type ParsedBatch, type ProviderEmailEvent } from './provider-email-event.js';

/** Most events one request may carry. */
export const JSON_BATCH_LIMIT = 1000;
const BOUNCE_TYPES = ['hard', 'soft', 'blocked'];

/**
 * Our own email-events format (docs/inbound.md): a JSON array of
 * `{event, occurred_at, provider_event_id, message_id | communication_id, email?, reason?, url?,
 * bounce_type?}`. Every problem of every event is reported at once with its path (`2.occurred_at`),
 * and one bad event refuses the whole batch, so a sender fixes it and sends again without
 * wondering which events were kept.
 */
export function parseJsonEmailEvents(value: unknown): ParsedBatch {
  if (!Array.isArray(value)) return fail('', 'must be an array of events');
  if (value.length === 0) return fail('', 'must hold at least one event');
  if (value.length > JSON_BATCH_LIMIT) return fail('', `must hold at most ${JSON_BATCH_LIMIT} events`);
  const problems: ProblemDetail[] = [];
  const events: ProviderEmailEvent[] = [];
  value.forEach((raw, i) => {
    const event = parseOne(raw, `${i}`, problems);
    if (event) events.push(event);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, events, ignored: 0 };
}

function parseOne(raw: unknown, at: string, problems: ProblemDetail[]): ProviderEmailEvent | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ path: at, problem: 'must be an object' });
    return null;
  }
  const o = raw as Record<string, unknown>;
  const before = problems.length;
  const problem = (field: string, text: string) => problems.push({ path: `${at}.${field}`, problem: text });
  const text = (field: string, max: number, required = false): string | null => {
    const v = o[field];
    if (v === undefined || v === null) {
      if (required) problem(field, 'is required');
      return null;
    }
    if (typeof v !== 'string' || v.trim() === '') problem(field, 'must be a non-empty string');
    else if (v.length > max) problem(field, `must be at most ${max} characters`);
    else return v;
    return null;
  };
  const event = text('event', 40, true);
  if (event !== null && !(EMAIL_EVENTS as readonly string[]).includes(event))
    problem('event', `must be one of: ${EMAIL_EVENTS.join(', ')}`);
  const occurred = text('occurred_at', 40, true);
  const instant = occurred === null ? null : parseInstant(occurred);
  if (occurred !== null && instant === null)
    problem('occurred_at', 'must be an ISO-8601 instant with its offset, like 2026-11-02T15:04:05Z');
  const providerEventId = text('provider_event_id', 200, true);
  const messageId = text('message_id', 998);
  const communication = o.communication_id;
  let communicationId: number | null = null;
  if (communication !== undefined && communication !== null) {
    if (typeof communication === 'number' && Number.isSafeInteger(communication) && communication > 0)
      communicationId = communication;
    else problem('communication_id', 'must be a positive whole number');
  }
  if (messageId === null && communicationId === null && o.message_id == null && o.communication_id == null)
    problem('message_id', 'or communication_id is required: it says which email the event is about');
  const email = text('email', 320);
  const reason = text('reason', 100_000);
  const url = text('url', 100_000);
  const bounceType = text('bounce_type', 20);
  if (bounceType !== null && !BOUNCE_TYPES.includes(bounceType))
    problem('bounce_type', `must be one of: ${BOUNCE_TYPES.join(', ')}`);
  if (bounceType !== null && event !== 'bounced') problem('bounce_type', 'is only for bounced events');
  if (problems.length > before) return null;
  return {
    event: event as EmailEvent,
    occurredAt: (instant as Date).toISOString(),
    providerEventId: providerEventId as string,
    source: 'json',
    messageId: messageId === null ? null : bareMessageId(messageId),
    communicationId,
    providerMessageId: null,
    email,
    reason: reason === null ? null : clipped(reason),
    url: url === null ? null : clipped(url),
    blocksAddress: event === 'spam_report' || (event === 'bounced' && (bounceType ?? 'hard') === 'hard'),
  };
}

/** An ISO-8601 instant that names its offset: a bare local time would be read in the server's zone. */
function parseInstant(raw: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i.test(raw)) return null;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? null : date;
}

function fail(path: string, problem: string): ParsedBatch {
  return { ok: false, problems: [{ path, problem }] };
}
