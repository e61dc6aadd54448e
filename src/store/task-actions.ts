import type { Transaction } from 'kysely';
import { conflict, notFound, validationError, type ProblemDetail } from '../domain/errors.js';
import { localDateOf } from '../domain/local-date.js';
import { task } from '../domain/record-kinds/task.js';
import { validateRecordInput } from '../domain/validate-record-input.js';
import { applyStatusChange } from './change-record-status.js';
import type { Db } from './database.js';
import { referenceProblems } from './record-references.js';
import { loose, type LooseRow } from './record-table.js';
import { applyRecordUpdate, getRecord } from './records.js';
import type { Database } from './schema.js';
import type { Actor, StudioContext } from './studio-context.js';

type TaskEvent = 'completed' | 'reassigned';

/**
 * Completes a task: its completed date is the studio-local today, and it enters the final status
 * of its kind's catalog when there is one (one for its task type before a general one), through
 * the status-change operation so that history and status triggers see it. A completed task is not
 * completed again (409).
 */
export async function completeTask(
  db: Db,
  studio: StudioContext,
  id: number,
  note: string | null,
  actor: Actor,
  now: Date,
) {
  await db.transaction().execute(async (trx) => {
    const current = await taskRow(trx, studio.id, id);
    if (current.completed_date !== null) throw conflict(`Task ${id} is already completed`);
    const today = localDateOf(now, studio.timeZone);
    const checked = validateRecordInput(
      task,
      { completed_date: today },
      { mode: 'update', country: studio.country },
    );
    await applyRecordUpdate(trx, studio, task, id, checked, actor, now);
    const finalId = await finalStatusId(trx, studio.id, current.task_type_id ?? null);
    if (finalId !== null && finalId !== Number(current.status_id)) {
      await applyStatusChange(trx, studio, task, id, { statusId: finalId, note }, actor, now);
    }
    await writeEvent(trx, studio.id, id, 'completed', current, {}, note, actor, now);
  });
  return getRecord(db, studio, task, id);
}

export interface Reassignment {
  /** Only the fields given change; null unassigns. */
  assigned_user_id?: number | null;
  department_id?: number | null;
}

/**
 * Hands a task to another staff member or department of the studio. Problems of the request
 * (`problems`) and references outside the studio are reported together, and nothing changes.
 */
export async function reassignTask(
  db: Db,
  studio: StudioContext,
  id: number,
  to: Reassignment,
  note: string | null,
  problems: ProblemDetail[],
  actor: Actor,
  now: Date,
) {
  await db.transaction().execute(async (trx) => {
    const current = await taskRow(trx, studio.id, id);
    const checked = validateRecordInput(task, to, { mode: 'update', country: studio.country });
    const all = [...problems, ...checked.problems];
    all.push(
      ...(await referenceProblems(
        trx,
        studio.id,
        task,
        { ...current, ...checked.values },
        new Set(Object.keys(to)),
      )),
    );
    if (all.length > 0) throw validationError(all, 'The reassignment is not valid');
    await applyRecordUpdate(trx, studio, task, id, checked, actor, now);
    await writeEvent(trx, studio.id, id, 'reassigned', current, to, note, actor, now);
  });
  return getRecord(db, studio, task, id);
}

/** A task's completions and reassignments, oldest first. */
export async function listTaskEvents(db: Db, studioId: number, id: number) {
  await taskRow(db, studioId, id);
  const rows = await loose(db)
    .selectFrom('task_events')
    .select([
      'id',
      'event',
      'from_user_id',
      'to_user_id',
      'from_department_id',
      'to_department_id',
      'note',
      'user_id',
      'at',
    ])
    .where('studio_id', '=', studioId)
    .where('task_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return { data: rows };
}

async function taskRow(db: Db | Transaction<Database>, studioId: number, id: number): Promise<LooseRow> {
  const row = (await loose(db)
    .selectFrom('tasks')
    .selectAll()
    .where('studio_id', '=', studioId)
    .where('id', '=', id)
    .executeTakeFirst()) as LooseRow | undefined;
  if (!row) throw notFound(task.label, id);
  return row;
}

/** The active final task status for the type, one scoped to it first, then by sort order. */
async function finalStatusId(
  trx: Transaction<Database>,
  studioId: number,
  typeId: string | number | null,
): Promise<number | null> {
  const rows = (await loose(trx)
    .selectFrom('statuses')
    .select(['id', 'scope_type_id'])
    .where('studio_id', '=', studioId)
    .where('kind', '=', 'task')
    .where('is_final', '=', 1)
    .where('is_inactive', '=', 0)
    .where((eb) =>
      typeId === null
        ? eb('scope_type_id', 'is', null)
        : eb.or([eb('scope_type_id', 'is', null), eb('scope_type_id', '=', typeId)]),
    )
    .orderBy('sort_order')
    .orderBy('id')
    .execute()) as LooseRow[];
  const chosen = rows.find((r) => r.scope_type_id !== null) ?? rows[0];
  return chosen ? Number(chosen.id) : null;
}

async function writeEvent(
  trx: Transaction<Database>,
  studioId: number,
  taskId: number,
  event: TaskEvent,
  before: LooseRow,
  to: Reassignment,
  note: string | null,
  actor: Actor,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const reassigned = event === 'reassigned';
  await loose(trx)
    .insertInto('task_events')
    .values({
      studio_id: studioId,
      task_id: taskId,
      event,
      from_user_id: reassigned ? before.assigned_user_id : null,
      to_user_id: reassigned
        ? to.assigned_user_id !== undefined
          ? to.assigned_user_id
          : before.assigned_user_id
        : null,
      from_department_id: reassigned ? before.department_id : null,
      to_department_id: reassigned
        ? to.department_id !== undefined
          ? to.department_id
          : before.department_id
        : null,
      note,
      user_id: actor.userId,
      at,
      created_at: at,
      updated_at: at,
    })
    .execute();
}
