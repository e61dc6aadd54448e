import { PostgresAdapter, type Transaction } from 'kysely';
import type { Db } from './database.js';
import { loose, type LooseRow } from './record-table.js';
import type { Database } from './schema.js';

/**
 * Claims up to `limit` queued deliveries of a studio that are due, for one dispatcher: they move to
 * `sending` with a lease and one more attempt, in one transaction. On PostgreSQL the candidates are
 * locked `FOR UPDATE SKIP LOCKED`, so two dispatchers take disjoint batches without waiting for
 * each other; on SQLite the transaction holds the database's write lock (BEGIN IMMEDIATE), so the
 * read is the claim. `onClaimed` runs in the same transaction (it writes the transitions).
 */
export async function claimDeliveries(
  db: Db,
  studioId: number,
  now: Date,
  limit: number,
  leaseMs: number,
  onClaimed: (trx: Transaction<Database>, rows: LooseRow[]) => Promise<void>,
): Promise<LooseRow[]> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const candidates = loose(trx)
      .selectFrom('deliveries')
      .select('id')
      .where('studio_id', '=', studioId)
      .where('state', '=', 'queued')
      .where('next_attempt_at', '<=', at)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit);
    const isPostgres = trx.getExecutor().adapter instanceof PostgresAdapter;
    const ids = (
      (await (isPostgres ? candidates.forUpdate().skipLocked() : candidates).execute()) as LooseRow[]
    ).map((row) => Number(row.id));
    if (ids.length === 0) return [];
    const rows = (await loose(trx)
      .updateTable('deliveries')
      .set((eb) => ({
        state: 'sending',
        lease_until: new Date(now.getTime() + leaseMs).toISOString(),
        attempts: eb('attempts', '+', 1),
        updated_at: at,
      }))
      .where('id', 'in', ids)
      .where('state', '=', 'queued')
      .returningAll()
      .execute()) as LooseRow[];
    await onClaimed(trx, rows);
    return rows;
  });
}

/**
 * Deliveries whose dispatcher stopped (a crash, a kill) before it recorded an outcome: once their
 * lease is over they are queued again. This is the one window in which a message can go out twice:
 * the provider accepted it, and the process died before writing so (docs/delivery.md).
 */
export async function returnExpiredLeases(
  db: Db,
  studioId: number,
  now: Date,
  onReturned: (trx: Transaction<Database>, rows: LooseRow[]) => Promise<void>,
): Promise<LooseRow[]> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const rows = (await loose(trx)
      .updateTable('deliveries')
      .set({ state: 'queued', lease_until: null, next_attempt_at: at, updated_at: at })
      .where('studio_id', '=', studioId)
      .where('state', '=', 'sending')
      .where('lease_until', '<', at)
      .returning('id')
      .execute()) as LooseRow[];
    if (rows.length > 0) await onReturned(trx, rows);
    return rows;
  });
}
