import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { index } from './table-builder.js';

/**
 * What event anchors (Email Records and Incoming Keyword triggers, SPEC §3.1) read, by index:
 * - `communications.keyword`: the first word of an inbound SMS as an Incoming Keyword trigger
 *   matches it (upper case, punctuation at its ends dropped; see `smsKeywordOf`), written when the
 *   message is stored, so that matching is an indexed equality instead of parsing every body. Null
 *   for outbound messages and for inbound ones whose first word cannot be a keyword.
 * - evaluation selects a trigger's events near its window of trigger dates: email events by kind
 *   and time, inbound SMS by keyword and time; events recorded since the last pass come from the
 *   `(studio_id, updated_at)` index every studio table has;
 * - explain reads one client's email events, and the keyword SMS from one of a client's numbers that
 *   arrived before the number was linked to the client;
 * - a provider that sends the same email event twice (webhooks are retried) is stored once, so an
 *   event never becomes two occurrences. Rows without a provider id are not deduplicated (NULLs are
 *   distinct in unique indexes on both databases).
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('communications').addColumn('keyword', 'text').execute();
  await index(db, 'communications', ['studio_id', 'keyword', 'created_at']);
  await index(db, 'communications', ['studio_id', 'keyword', 'from_address']);
  await index(db, 'email_events', ['studio_id', 'event', 'occurred_at']);
  await index(db, 'email_events', ['studio_id', 'client_id', 'occurred_at']);
  await index(db, 'email_events', ['studio_id', 'provider_event_id'], true);
}
