import type { RecordKind } from '../../src/domain/record-kinds/index.js';
import type { Db } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';

/**
 * Everything a write may touch for one record, read straight from the tables: the row, its child
 * rows, its status history and (for clients) its consent ledger. Comparing two snapshots shows that
 * a refused request changed nothing at all, not only the fields the API shows.
 */
export async function snapshotRecord(db: Db, kind: RecordKind, id: number) {
  const ldb = loose(db);
  const row = await ldb.selectFrom(kind.table).selectAll().where('id', '=', id).executeTakeFirst();
  const collections: Record<string, unknown[]> = {};
  for (const collection of kind.collections ?? []) {
    collections[collection.name] = await ldb
      .selectFrom(collection.table)
      .selectAll()
      .where(`${kind.name}_id`, '=', id)
      .orderBy('id')
      .execute();
  }
  const history = await db
    .selectFrom('status_history')
    .selectAll()
    .where('record_kind', '=', kind.name)
    .where('record_id', '=', id)
    .orderBy('id')
    .execute();
  const consent =
    kind.name === 'client'
      ? await db.selectFrom('consent_events').selectAll().where('client_id', '=', id).orderBy('id').execute()
      : [];
  return { row, collections, history, consent };
}

/** How many rows a table holds, to show that a refused create left nothing behind. */
export async function countRows(db: Db, table: string): Promise<number> {
  const result = await loose(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(result.n);
}
