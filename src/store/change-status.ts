import type { Transaction } from 'kysely';
import { validationError } from '../domain/errors.js';
import type { RecordKind } from '../domain/record-kinds/index.js';
import { statusDueDate } from '../domain/status-due-date.js';
import type { StatusChangeInput } from '../domain/validate-status-change.js';
import { loose } from './record-table.js';
import type { Database } from './schema.js';
import type { Actor, StudioContext } from './studio-context.js';

export type StatusChange = StatusChangeInput;

/**
 * Moves a record into a status as one operation: the open history row is closed, a new one is
 * written with its due date (the status's duration in business days of the studio's work week,
 * counted from the studio-local date of entry), and the record's status and due date are updated.
 * Status triggers key their occurrences on the history rows, so entering the same status again is a
 * new row. The caller has checked that the status belongs to the record's kind and type.
 */
export async function changeStatus(
  trx: Transaction<Database>,
  studio: StudioContext,
  kind: RecordKind,
  recordId: number,
  change: StatusChange,
  actor: Actor,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await trx
    .updateTable('status_history')
    .set({ left_at: at })
    .where('studio_id', '=', studio.id)
    .where('record_kind', '=', kind.name)
    .where('record_id', '=', recordId)
    .where('left_at', 'is', null)
    .execute();
  let dueDate: string | null = null;
  if (change.statusId !== null) {
    const status = (await loose(trx)
      .selectFrom('statuses')
      .select('duration_days')
      .where('studio_id', '=', studio.id)
      .where('id', '=', change.statusId)
      .executeTakeFirst()) as { duration_days: number | null } | undefined;
    if (!status)
      throw validationError([{ path: 'status_id', problem: `status ${change.statusId} does not exist` }]);
    const duration = status.duration_days;
    dueDate =
      change.dueDate !== undefined
        ? change.dueDate
        : statusDueDate(now, duration, studio.timeZone, studio.workWeek);
    await trx
      .insertInto('status_history')
      .values({
        studio_id: studio.id,
        record_kind: kind.name,
        record_id: recordId,
        status_id: change.statusId,
        entered_at: at,
        due_date: dueDate,
        left_at: null,
        user_id: actor.userId,
        note: change.note ?? null,
      })
      .execute();
  }
  await loose(trx)
    .updateTable(kind.table)
    .set({ status_id: change.statusId, status_due_date: dueDate, updated_at: at })
    .where('studio_id', '=', studio.id)
    .where('id', '=', recordId)
    .execute();
}
