import type { Transaction } from 'kysely';
import type { Db } from './database.js';
import { loose, type LooseRow } from './record-table.js';
import type { Database } from './schema.js';

/**
 * A row of one studio's table by id, or undefined: a row of another studio reads exactly like a
 * missing one, so ids of other studios leak nothing.
 */
export async function findStudioRow(
  db: Db | Transaction<Database>,
  table: string,
  studioId: number,
  id: number,
): Promise<LooseRow | undefined> {
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  return (await loose(db)
    .selectFrom(table)
    .selectAll()
    .where('studio_id', '=', studioId)
    .where('id', '=', id)
    .executeTakeFirst()) as LooseRow | undefined;
}
