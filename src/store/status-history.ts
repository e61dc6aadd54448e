import { notFound } from '../domain/errors.js';
import type { RecordKind } from '../domain/record-kinds/index.js';
import type { Db } from './database.js';
import { loose } from './record-table.js';
import type { StudioContext } from './studio-context.js';

/** A record's stays in statuses, oldest first, with the status name for reading. */
export async function statusHistory(db: Db, studio: StudioContext, kind: RecordKind, recordId: number) {
  const exists = await loose(db)
    .selectFrom(kind.table)
    .select('id')
    .where('studio_id', '=', studio.id)
    .where('id', '=', recordId)
    .executeTakeFirst();
  if (!exists) throw notFound(kind.label, recordId);
  return loose(db)
    .selectFrom('status_history as h')
    .innerJoin('statuses as s', 's.id', 'h.status_id')
    .select([
      'h.id',
      'h.status_id',
      's.name as status_name',
      'h.entered_at',
      'h.due_date',
      'h.left_at',
      'h.user_id',
      'h.note',
    ])
    .where('h.studio_id', '=', studio.id)
    .where('h.record_kind', '=', kind.name)
    .where('h.record_id', '=', recordId)
    .orderBy('h.entered_at')
    .orderBy('h.id')
    .execute();
}
