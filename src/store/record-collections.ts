import type { Transaction } from 'kysely';
import type { RecordKind } from '../domain/record-kinds/index.js';
import type { StoredRow } from '../domain/validate-record-input.js';
import { loose, type LooseRow } from './record-table.js';
import type { Db } from './database.js';
import { rowToJson, type RecordJson } from './row-mapping.js';
import type { Database } from './schema.js';

/** The foreign key from a collection's rows to their owner, e.g. `client_id` for client phones. */
function ownerColumn(kind: RecordKind): string {
  return `${kind.name}_id`;
}

/** Replaces a record's child rows (phones, emails) with the given list, keeping its order. */
export async function writeCollections(
  trx: Transaction<Database>,
  kind: RecordKind,
  studioId: number,
  recordId: number,
  collections: Record<string, StoredRow[]>,
  at: string,
): Promise<void> {
  const db = loose(trx);
  for (const collection of kind.collections ?? []) {
    const rows = collections[collection.name];
    if (rows === undefined) continue;
    await db.deleteFrom(collection.table).where(ownerColumn(kind), '=', recordId).execute();
    if (rows.length === 0) continue;
    await db
      .insertInto(collection.table)
      .values(
        rows.map((row, position) => ({
          ...row,
          studio_id: studioId,
          [ownerColumn(kind)]: recordId,
          position,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  }
}

/** Loads the child rows of a page of records with one query per collection. */
export async function attachCollections(db: Db, kind: RecordKind, records: RecordJson[]): Promise<void> {
  const collections = kind.collections ?? [];
  if (collections.length === 0 || records.length === 0) return;
  const ids = records.map((r) => r.id as number);
  for (const collection of collections) {
    const rows = (await loose(db)
      .selectFrom(collection.table)
      .selectAll()
      .where(ownerColumn(kind), 'in', ids)
      .orderBy('position')
      .execute()) as LooseRow[];
    const byOwner = new Map<number, RecordJson[]>();
    for (const row of rows) {
      const owner = Number(row[ownerColumn(kind)]);
      const list = byOwner.get(owner) ?? [];
      list.push(rowToJson(collection.fields, row, false));
      byOwner.set(owner, list);
    }
    for (const record of records) record[collection.name] = byOwner.get(record.id as number) ?? [];
  }
}
