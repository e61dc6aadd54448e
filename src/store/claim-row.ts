import { PostgresAdapter, type Transaction } from 'kysely';
import { loose, type LooseRow } from './record-table.js';
import type { Database } from './schema.js';

/**
 * Reads a row inside a transaction and claims it for that transaction: on PostgreSQL with
 * `FOR UPDATE SKIP LOCKED`, so that of several workers (two Control Centers) exactly one gets it and
 * the others pass it by instead of waiting; on SQLite the transaction already holds the database's
 * write lock (BEGIN IMMEDIATE), so a plain read is the claim. Undefined when the row is gone or
 * another worker holds it.
 */
export async function claimRow(
  trx: Transaction<Database>,
  table: string,
  id: number,
): Promise<LooseRow | undefined> {
  const query = loose(trx).selectFrom(table).selectAll().where('id', '=', id);
  const isPostgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  return (await (isPostgres ? query.forUpdate().skipLocked() : query).executeTakeFirst()) as
    | LooseRow
    | undefined;
}
