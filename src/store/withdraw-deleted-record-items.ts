import type { Transaction } from 'kysely';
import { recordTransitions } from '../engine/item-transitions.js';
import { loose } from './record-table.js';
import type { Database } from './schema.js';

/**
 * Withdraws the pending items of a record in the transaction that deletes it, with the reason. The
 * queue then never shows an item whose record is gone, and evaluation need not look for records
 * that no longer exist: it re-checks only records whose `updated_at` moved.
 */
export async function withdrawItemsOfDeletedRecord(
  trx: Transaction<Database>,
  studioId: number,
  recordKind: string,
  recordId: number,
  at: string,
): Promise<void> {
  const pending = await loose(trx)
    .selectFrom('triggered_items')
    .select('id')
    .where('studio_id', '=', studioId)
    .where('record_kind', '=', recordKind)
    .where('record_id', '=', recordId)
    .where('state', '=', 'pending')
    .execute();
  if (pending.length === 0) return;
  const ids = pending.map((row) => Number(row.id));
  const reason = 'the record was deleted';
  await loose(trx)
    .updateTable('triggered_items')
    .set({ state: 'withdrawn', reason, updated_at: at })
    .where('id', 'in', ids)
    .execute();
  await recordTransitions(
    trx,
    studioId,
    ids.map((itemId) => ({ itemId, from: 'pending', to: 'withdrawn', reason })),
    { actor: 'system', userId: null },
    at,
  );
}
