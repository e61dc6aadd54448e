import { sql, type Kysely } from 'kysely';
import { index } from './table-builder.js';

/**
 * Email events from providers and unsubscribe links (SPEC §5):
 * - `email_events` keep what the provider said: the address, the reason of a bounce or drop, the
 *   link of a click, and where the event came from (json | sendgrid | unsubscribe_link);
 * - `deliveries.message_id` is how a provider's event finds the email it is about;
 * - a block (`email_blocks`) says which event put the address there, and a lifted block keeps who
 *   lifted it and why. At most one block of an address is in force at a time (a partial unique
 *   index, which SQLite and PostgreSQL both have); lifted ones stay as the address's history, so
 *   blocking again after a lift is a new row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['address', 'reason', 'url', 'source']) {
    await db.schema.alterTable('email_events').addColumn(column, 'text').execute();
  }
  await index(db, 'email_events', ['studio_id', 'communication_id']);
  await index(db, 'deliveries', ['message_id']);
  await db.schema
    .alterTable('email_blocks')
    .addColumn('email_event_id', 'bigint', (col) => col.references('email_events.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('email_blocks').addColumn('lift_note', 'text').execute();
  await db.schema
    .createIndex('email_blocks_in_force_idx')
    .on('email_blocks')
    .columns(['studio_id', 'address'])
    .unique()
    .where(sql.ref('lifted_at'), 'is', null)
    .execute();
}
