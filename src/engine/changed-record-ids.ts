import type { Db } from '../store/database.js';
import { loose } from '../store/record-table.js';

/** Ids per query when reading the changed records' rows: well inside every driver's parameter limit. */
export const CHANGED_CHUNK = 500;

/**
 * The ids of a studio's records in `table` written after `since`, read from the
 * (studio_id, updated_at) index alone. The evaluator asks for these first and then reads the rows
 * by id: asked in one query joined with status history, a planner may start from a status index
 * and scan every record in the status to find the few that changed.
 */
export async function changedRecordIds(
  db: Db,
  table: string,
  studioId: number,
  since: string,
): Promise<number[]> {
  const rows = await loose(db)
    .selectFrom(table)
    .select('id')
    .where('studio_id', '=', studioId)
    .where('updated_at', '>', since)
    .execute();
  return rows.map((row) => Number(row.id));
}
