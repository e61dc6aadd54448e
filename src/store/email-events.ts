import type { Transaction } from 'kysely';
import { notFound, validationError } from '../domain/errors.js';
import { EMAIL_EVENTS, type EmailEvent } from '../domain/triggers/trigger-definition.js';
import type { Db } from './database.js';
import { loose, type LooseRow } from './record-table.js';
import type { Database } from './schema.js';
import { findStudioRow } from './studio-row.js';

export interface EmailEventInput {
  readonly event: EmailEvent;
  /** When the provider says it happened (ISO-8601): the anchor of Email Records triggers. */
  readonly occurredAt: string;
  /** The email the event is about; its email type is what a trigger's type filter reads. */
  readonly communicationId?: number | null;
  /** The client the event belongs to; by default the email's recipient. */
  readonly clientId?: number | null;
  /** The provider's id of the event, so that a retried webhook is stored once. */
  readonly providerEventId?: string | null;
  /** The address the event is about, as the provider gave it (or the email's recipient). */
  readonly address?: string | null;
  /** A bounce's or drop's reason from the receiving server or provider. */
  readonly reason?: string | null;
  /** The link of a click. */
  readonly url?: string | null;
  /** Where the event came from: json, sendgrid or unsubscribe_link; null for events made in code. */
  readonly source?: string | null;
}

/**
 * Stores an email event (delivered, opened, …; SPEC §5) for the email-events webhook and returns its
 * id; `created` is false when the provider had already sent this event. `at` is the studio's now
 * (its test clock in a sandbox): the row's `created_at` and `updated_at`, which evaluation reads to
 * find events recorded since its last pass, however late the provider reported them. The client's
 * own `updated_at` is left alone: an opened email is not a change of the client, and touching it
 * would make every trigger re-judge that client's items.
 */
export async function recordEmailEvent(
  db: Db | Transaction<Database>,
  studioId: number,
  input: EmailEventInput,
  at: Date,
): Promise<{ id: number; created: boolean }> {
  const occurredAt = new Date(input.occurredAt);
  const problems = [
    ...(EMAIL_EVENTS.includes(input.event)
      ? []
      : [{ path: 'event', problem: `must be one of: ${EMAIL_EVENTS.join(', ')}` }]),
    ...(Number.isNaN(occurredAt.getTime()) ? [{ path: 'occurred_at', problem: 'must be an instant' }] : []),
  ];
  if (problems.length > 0) throw validationError(problems, 'The email event is not valid');
  let clientId = input.clientId ?? null;
  if (input.communicationId != null) {
    const email = await findStudioRow(db, 'communications', studioId, input.communicationId);
    if (!email) throw notFound('Communication', input.communicationId);
    if (input.clientId === undefined) clientId = email.client_id == null ? null : Number(email.client_id);
  }
  if (clientId !== null && !(await findStudioRow(db, 'clients', studioId, clientId))) {
    throw notFound('Client', clientId);
  }
  const stamp = at.toISOString();
  const inserted = (await loose(db)
    .insertInto('email_events')
    .values({
      studio_id: studioId,
      communication_id: input.communicationId ?? null,
      client_id: clientId,
      event: input.event,
      occurred_at: occurredAt.toISOString(),
      provider_event_id: input.providerEventId ?? null,
      address: input.address ?? null,
      reason: input.reason ?? null,
      url: input.url ?? null,
      source: input.source ?? null,
      created_at: stamp,
      updated_at: stamp,
    })
    .onConflict((oc) => oc.columns(['studio_id', 'provider_event_id']).doNothing())
    .returning('id')
    .executeTakeFirst()) as LooseRow | undefined;
  if (inserted) return { id: Number(inserted.id), created: true };
  const stored = (await loose(db)
    .selectFrom('email_events')
    .select('id')
    .where('studio_id', '=', studioId)
    .where('provider_event_id', '=', input.providerEventId ?? null)
    .executeTakeFirstOrThrow()) as LooseRow;
  return { id: Number(stored.id), created: false };
}

/** The events of one email, oldest first, as GET /communications/:id shows them. */
export async function emailEventsOf(db: Db, studioId: number, communicationId: number) {
  const rows = (await loose(db)
    .selectFrom('email_events')
    .select(['id', 'event', 'occurred_at', 'address', 'reason', 'url', 'source', 'created_at'])
    .where('studio_id', '=', studioId)
    .where('communication_id', '=', communicationId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute()) as LooseRow[];
  return rows.map((row) => ({
    id: Number(row.id),
    event: String(row.event),
    occurred_at: String(row.occurred_at),
    address: row.address ?? null,
    reason: row.reason ?? null,
    url: row.url ?? null,
    source: row.source ?? null,
    recorded_at: String(row.created_at),
  }));
}
