import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';

/** A studio's Control Center log, newest first (SPEC §4: visible to staff). */
export async function listRuns(db: Db, studioId: number, limit: number) {
  const rows = (await loose(db)
    .selectFrom('control_center_runs')
    .selectAll()
    .where('studio_id', '=', studioId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()) as LooseRow[];
  return rows.map((row) => ({
    id: row.id,
    run_at: row.run_at,
    started_at: row.started_at,
    finished_at: row.finished_at,
    counts: JSON.parse(String(row.counts)) as Record<string, number>,
    error: row.error,
  }));
}
