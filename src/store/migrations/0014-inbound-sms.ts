import type { Kysely } from 'kysely';
import { index } from './table-builder.js';

/**
 * Inbound SMS (SPEC §5):
 * - `communications.provider_message_id`: the provider's id of an inbound message (Twilio's
 *   MessageSid), unique per studio, so that a webhook the provider sends again finds the message it
 *   already stored instead of storing and acting on it twice.
 * - `communications.sender_match`: for an inbound SMS, which clients the sender's number matched and
 *   why one of them was chosen (JSON), shown in the Messages inbox.
 * - `studios.sms_unknown_sender_clients`: whether an SMS from a number no client has creates a client.
 * - an index for the Messages inbox, which reads a studio's inbound SMS by sender.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('communications').addColumn('provider_message_id', 'text').execute();
  await db.schema.alterTable('communications').addColumn('sender_match', 'text').execute();
  await index(db, 'communications', ['studio_id', 'provider_message_id'], true);
  await index(db, 'communications', ['studio_id', 'direction', 'channel', 'from_address']);
  await db.schema
    .alterTable('studios')
    .addColumn('sms_unknown_sender_clients', 'smallint', (col) => col.notNull().defaultTo(0))
    .execute();
}
