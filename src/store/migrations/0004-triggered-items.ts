import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { createStudioTable, idColumn, index } from './table-builder.js';

/**
 * Triggered items are the ledger (ARCHITECTURE.md §3): one row per (trigger, occurrence key), ever,
 * enforced by a unique index, so that no crash, retry or second worker can queue an occurrence
 * twice. Every change of an item's state is a transition row (time, actor, reason): the queue's
 * audit log and the answer to "why did / didn't this record get this trigger?".
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await createStudioTable(db, dialect, 'triggered_items', [
    // A trigger with items is not deleted (409, deactivate it instead): its items are the history.
    ['trigger_id', 'ref', 'triggers.id'],
    ['record_kind', 'text', 'not null'],
    ['record_id', 'bigint', 'not null'],
    ['occurrence_key', 'text', 'not null'],
    // The anchor's value when the occurrence was found: a changed value is another occurrence.
    ['anchor_value', 'text', 'not null'],
    ['trigger_date', 'text', 'not null'],
    // pending | processed | skipped | deleted | withdrawn | expired
    ['state', 'text', 'not null'],
    ['reason', 'text'],
    ['channel_used', 'text'],
  ]);
  await index(db, 'triggered_items', ['trigger_id', 'occurrence_key'], true);
  await index(db, 'triggered_items', ['studio_id', 'state', 'trigger_date']);
  await index(db, 'triggered_items', ['studio_id', 'record_kind', 'record_id']);
  await index(db, 'triggered_items', ['trigger_id', 'state']);

  await idColumn(db.schema.createTable('triggered_item_transitions'), dialect)
    .addColumn('studio_id', 'bigint', (col) => col.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('item_id', 'bigint', (col) =>
      col.notNull().references('triggered_items.id').onDelete('cascade'),
    )
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (col) => col.notNull())
    // control_center | user | system
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('user_id', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (col) => col.notNull())
    .execute();
  await index(db, 'triggered_item_transitions', ['item_id', 'at']);

  // The instant of the trigger's last evaluation pass: the next pass looks at trigger dates after
  // it and at records changed since, instead of rescanning history.
  await db.schema.alterTable('triggers').addColumn('evaluated_at', 'text').execute();
}
