import { completesCall, type CallOutcome } from '../domain/call-outcomes.js';
import { conflict, notFound, validationError, type ProblemDetail } from '../domain/errors.js';
import { isIsoDate } from '../domain/local-date.js';
import type { Db } from './database.js';
import { loose, type LooseRow } from './record-table.js';

const CALL_COLUMNS = [
  'id',
  'triggered_item_id',
  'record_kind',
  'record_id',
  'client_id',
  'recipient_name',
  'to_address',
  'subject',
  'body_text',
  'call_type_id',
  'assigned_user_id',
  'department_id',
  'due_date',
  'outcome',
  'outcome_note',
  'completed_at',
  'created_at',
  'updated_at',
];

export interface CallQuery {
  assigned_user_id?: string;
  department_id?: string;
  due_by?: string;
  state?: string;
  limit?: string;
}

/**
 * The call list: phone calls processing put on it, open ones (not yet completed by an outcome that
 * ends them) or done ones, by due date (calls without one last), then in the order they came.
 */
export async function listCalls(db: Db, studioId: number, query: CallQuery) {
  const problems: ProblemDetail[] = [];
  const idOf = (name: 'assigned_user_id' | 'department_id') => {
    const raw = query[name];
    if (raw === undefined || raw === '') return undefined;
    if (!/^\d{1,15}$/.test(raw)) problems.push({ path: name, problem: 'must be a positive whole number' });
    return Number(raw);
  };
  const assigned = idOf('assigned_user_id');
  const department = idOf('department_id');
  const dueBy = query.due_by || undefined;
  if (dueBy !== undefined && !isIsoDate(dueBy))
    problems.push({ path: 'due_by', problem: 'must be a date YYYY-MM-DD' });
  const state = query.state || 'open';
  if (!['open', 'done'].includes(state)) problems.push({ path: 'state', problem: 'must be open or done' });
  const limit = query.limit === undefined ? 200 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    problems.push({ path: 'limit', problem: 'must be a whole number from 1 to 1000' });
  if (problems.length > 0) throw validationError(problems, 'The call list query is not valid');

  let select = loose(db)
    .selectFrom('communications')
    .select(CALL_COLUMNS)
    .where('studio_id', '=', studioId)
    .where('channel', '=', 'phone_call')
    .where('completed_at', state === 'open' ? 'is' : 'is not', null);
  if (assigned !== undefined) select = select.where('assigned_user_id', '=', assigned);
  if (department !== undefined) select = select.where('department_id', '=', department);
  if (dueBy !== undefined) select = select.where('due_date', '<=', dueBy);
  const rows = await select
    .orderBy((eb) => eb.case().when('due_date', 'is', null).then(1).else(0).end())
    .orderBy('due_date')
    .orderBy('id')
    .limit(limit)
    .execute();
  return { data: rows };
}

/** One call with every attempt logged on it, oldest first. */
export async function getCall(db: Db, studioId: number, id: number) {
  const ldb = loose(db);
  const call = (await ldb
    .selectFrom('communications')
    .select(CALL_COLUMNS)
    .where('studio_id', '=', studioId)
    .where('channel', '=', 'phone_call')
    .where('id', '=', id)
    .executeTakeFirst()) as LooseRow | undefined;
  if (!call) throw notFound('Call', id);
  const outcomes = await ldb
    .selectFrom('call_outcomes')
    .select(['id', 'outcome', 'note', 'user_id', 'at'])
    .where('studio_id', '=', studioId)
    .where('communication_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return { ...call, outcomes };
}

/**
 * Logs an attempt: a history row, and the call's latest outcome and note; an outcome that ends the
 * call completes it. A completed call takes no further attempts (409): it is off the list.
 */
export async function logCallOutcome(
  db: Db,
  studioId: number,
  id: number,
  attempt: { outcome: CallOutcome; note: string | null },
  userId: number,
  now: Date,
) {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const ldb = loose(trx);
    // The update is the check: only an open call of this studio changes, and two staff logging at
    // once cannot both complete it.
    const changed = await ldb
      .updateTable('communications')
      .set({
        outcome: attempt.outcome,
        outcome_note: attempt.note,
        completed_at: completesCall(attempt.outcome) ? at : null,
        updated_at: at,
      })
      .where('studio_id', '=', studioId)
      .where('channel', '=', 'phone_call')
      .where('id', '=', id)
      .where('completed_at', 'is', null)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) {
      await getCall(trx, studioId, id);
      throw conflict(`Call ${id} is already completed`, [
        { path: 'outcome', problem: 'the call is completed' },
      ]);
    }
    await ldb
      .insertInto('call_outcomes')
      .values({
        studio_id: studioId,
        communication_id: id,
        outcome: attempt.outcome,
        note: attempt.note,
        user_id: userId,
        at,
        created_at: at,
        updated_at: at,
      })
      .execute();
  });
  return getCall(db, studioId, id);
}
