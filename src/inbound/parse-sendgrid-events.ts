import { SENDGRID_MESSAGE_ARG } from '../delivery/sendgrid-message-arg.js';
import type { ProblemDetail } from '../domain/errors.js';
import type { EmailEvent } from '../domain/triggers/trigger-definition.js';
import { bareMessageId, clipped, type ParsedBatch, type ProviderEmailEvent } from './provider-email-event.js';

/** SendGrid's event names that mean something here; others (processed, deferred, …) are ignored. */
const EVENTS: Record<string, EmailEvent> = {
  delivered: 'delivered',
  open: 'opened',
  click: 'clicked',
  bounce: 'bounced',
  dropped: 'dropped',
  spamreport: 'spam_report',
  unsubscribe: 'unsubscribed',
  group_unsubscribe: 'unsubscribed',
};

/**
 * SendGrid's Event Webhook body: a JSON array of events. Each event we use must have `event`,
 * `sg_event_id`, `timestamp` (Unix seconds) and `email`; a batch with one malformed event is
 * refused whole (400), since a signed request from SendGrid never has one. Events of other kinds
 * (processed, deferred, group_resubscribe, account events) are counted as ignored.
 */
export function parseSendgridEvents(value: unknown): ParsedBatch {
  if (!Array.isArray(value))
    return { ok: false, problems: [{ path: '', problem: 'must be an array of events' }] };
  const problems: ProblemDetail[] = [];
  const events: ProviderEmailEvent[] = [];
  let ignored = 0;
  value.forEach((raw, i) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push({ path: `${i}`, problem: 'must be an object' });
      return;
    }
    const o = raw as Record<string, unknown>;
    if (typeof o.event !== 'string') {
      problems.push({ path: `${i}.event`, problem: 'must be a string' });
      return;
    }
    const event = Object.hasOwn(EVENTS, o.event) ? EVENTS[o.event] : undefined;
    if (!event) {
      ignored += 1;
      return;
    }
    const before = problems.length;
    const problem = (field: string, text: string) => problems.push({ path: `${i}.${field}`, problem: text });
    const str = (field: string, max: number): string | null => {
      const v = o[field];
      if (v === undefined || v === null || v === '') return null;
      if (typeof v === 'string' && v.length <= max) return v;
      problem(field, `must be a string of at most ${max} characters`);
      return null;
    };
    const eventId = str('sg_event_id', 200);
    if (eventId === null && !problems.some((p) => p.path === `${i}.sg_event_id`))
      problem('sg_event_id', 'is required');
    const email = str('email', 320);
    if (email === null && !problems.some((p) => p.path === `${i}.email`)) problem('email', 'is required');
    const timestamp = o.timestamp;
    if (
      typeof timestamp !== 'number' ||
      !Number.isSafeInteger(timestamp) ||
      timestamp < 0 ||
      timestamp > 1e11
    )
      problem('timestamp', 'must be the time in Unix seconds');
    const messageArg = str(SENDGRID_MESSAGE_ARG, 998);
    const smtpId = str('smtp-id', 998);
    const sgMessageId = str('sg_message_id', 500);
    const reason = str('reason', 100_000) ?? str('response', 100_000);
    const url = str('url', 100_000);
    const type = str('type', 40);
    if (problems.length > before) return;
    events.push({
      event,
      occurredAt: new Date((timestamp as number) * 1000).toISOString(),
      providerEventId: eventId as string,
      source: 'sendgrid',
      messageId: bareOrNull(messageArg ?? smtpId),
      communicationId: null,
      // sg_message_id is the SMTP queue id SendGrid answered with, then ".filter…" of its own.
      providerMessageId: sgMessageId?.split('.')[0] || null,
      email,
      reason: reason === null ? null : clipped(type === 'blocked' ? `blocked: ${reason}` : reason),
      url: url === null ? null : clipped(url),
      // "blocked" is the receiving server refusing the message (reputation, content), not the address.
      blocksAddress: event === 'spam_report' || (event === 'bounced' && type !== 'blocked'),
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, events, ignored };
}

function bareOrNull(raw: string | null): string | null {
  return raw === null ? null : bareMessageId(raw);
}
