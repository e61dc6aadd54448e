import type { Kysely } from 'kysely';
import { index } from './table-builder.js';

/**
 * Indexes for the evaluator's candidate queries (src/engine/find-occurrences.ts): every field a
 * date option anchors on, by studio, so that "anchors near the window since the last pass" is a
 * range scan for each of them, not only for the few 0001 indexed; and status history by record
 * kind and entry or due date, the anchors of status triggers without a status filter. Measured by
 * `npm run bench -- evaluation` (docs/performance.md). Also the links from a task or web form to
 * the item that made it, which explain and deleting an item follow.
 */
const ANCHOR_FIELDS: readonly [table: string, column: string][] = [
  ['clients', 'created_at'],
  ['sessions', 'end'],
  ['sessions', 'booked_at'],
  ['sessions', 'nps_received_at'],
  ['appointments', 'booked_at'],
  ['invoices', 'payment_due_date'],
  ['production_orders', 'due_date'],
  ['tasks', 'start_date'],
  ['tasks', 'completed_date'],
  ['tasks', 'created_at'],
  ['loyalty_rewards', 'issued_date'],
  ['loyalty_rewards', 'expiration_date'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of ANCHOR_FIELDS) await index(db, table, ['studio_id', column]);
  await index(db, 'status_history', ['studio_id', 'record_kind', 'entered_at']);
  await index(db, 'status_history', ['studio_id', 'record_kind', 'due_date']);
  await index(db, 'tasks', ['triggered_item_id']);
  await index(db, 'web_forms', ['triggered_item_id']);
}
