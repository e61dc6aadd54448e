import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { createStudioTable, idColumn, index } from './table-builder.js';

/**
 * Delivery (SPEC §6): the outbox's lease, retry and outcome columns, every state change of a
 * delivery with its time and reason, print batches of letters, call outcomes and task history.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  for (const [name, type] of [
    // Until when a dispatcher holds a `sending` delivery; past it, another may take it back.
    ['lease_until', 'text'],
    ['provider_message_id', 'text'],
    // The stable Message-ID of an email delivery.
    ['message_id', 'text'],
    ['error_code', 'text'],
    ['failed_at', 'text'],
    ['canceled_at', 'text'],
  ] as const) {
    await db.schema.alterTable('deliveries').addColumn(name, type).execute();
  }
  await index(db, 'deliveries', ['provider_message_id']);

  await idColumn(db.schema.createTable('delivery_transitions'), dialect)
    .addColumn('studio_id', 'bigint', (col) => col.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('delivery_id', 'bigint', (col) =>
      col.notNull().references('deliveries.id').onDelete('cascade'),
    )
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (col) => col.notNull())
    .addColumn('code', 'text')
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('user_id', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .execute();
  await index(db, 'delivery_transitions', ['delivery_id', 'at']);

  await createStudioTable(db, dialect, 'print_batches', [
    // open | printed
    ['state', 'text', 'not null'],
    ['printed_at', 'text'],
    ['printed_by_user_id', 'ref', 'users.id', 'set null'],
    ['print_count', 'int', 'not null'],
  ]);
  await index(db, 'print_batches', ['studio_id', 'state']);

  await createStudioTable(db, dialect, 'call_outcomes', [
    ['communication_id', 'ref', 'communications.id', 'cascade'],
    // reached | left_message | no_answer | wrong_number
    ['outcome', 'text', 'not null'],
    ['note', 'text'],
    ['user_id', 'ref', 'users.id', 'set null'],
    ['at', 'text', 'not null'],
  ]);
  await index(db, 'call_outcomes', ['communication_id']);

  await createStudioTable(db, dialect, 'task_events', [
    ['task_id', 'ref', 'tasks.id', 'cascade'],
    // completed | reassigned | reopened
    ['event', 'text', 'not null'],
    ['from_user_id', 'ref', 'users.id', 'set null'],
    ['to_user_id', 'ref', 'users.id', 'set null'],
    ['from_department_id', 'ref', 'departments.id', 'set null'],
    ['to_department_id', 'ref', 'departments.id', 'set null'],
    ['note', 'text'],
    ['user_id', 'ref', 'users.id', 'set null'],
    ['at', 'text', 'not null'],
  ]);
  await index(db, 'task_events', ['task_id']);
}
