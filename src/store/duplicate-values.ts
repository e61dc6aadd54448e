import { conflict } from '../domain/errors.js';
import type { RecordKind } from '../domain/record-kinds/index.js';
import type { StoredRow } from '../domain/validate-record-input.js';
import type { Db } from './database.js';
import { loose } from './record-table.js';

/**
 * Refuses, with 409 and the field named, values of `unique` fields (a loyalty reward's code) that
 * another record of the studio already has. `values` are the fields being written; `selfId` is the
 * record being updated, which may keep its own value.
 */
export async function refuseDuplicates(
  db: Db,
  studioId: number,
  kind: RecordKind,
  values: StoredRow,
  selfId: number | null,
): Promise<void> {
  const problems = [];
  for (const field of kind.fields) {
    const value = values[field.name];
    if (!field.unique || value == null) continue;
    let query = loose(db)
      .selectFrom(kind.table)
      .select('id')
      .where('studio_id', '=', studioId)
      .where(field.name, '=', value);
    if (selfId !== null) query = query.where('id', '!=', selfId);
    const holder = await query.executeTakeFirst();
    if (holder) {
      problems.push({
        path: field.name,
        problem: `is already used by ${kind.label.toLowerCase()} ${String(holder.id)}`,
      });
    }
  }
  if (problems.length > 0) {
    throw conflict(`The ${kind.label.toLowerCase()} repeats a value that must be unique`, problems);
  }
}
