import { validationError, type ProblemDetail } from '../domain/errors.js';
import { TRIGGER_TYPE_NAMES, type TriggerTypeName } from '../domain/triggers/trigger-types.js';
import { containsText } from './contains-text.js';
import type { Db } from './database.js';
import { afterCursor, decodeCursor, encodeCursor, type Cursor } from './keyset-cursor.js';
import { MAX_PAGE, type ListQuery } from './list-records.js';
import { loose, type LooseRow } from './record-table.js';
import type { StudioContext } from './studio-context.js';
import { withActivity, type TriggerActivity } from './trigger-activity.js';
import { triggerJson, type TriggerJson } from './trigger-rows.js';

const DEFAULT_PAGE = 50;
const MAX_SEARCH = 200;
const SORT = 'name';
export const TRIGGER_LIST_PARAMETERS = [
  'trigger_type',
  'sub_type',
  'filter_status_id',
  'filter_type_id',
  'is_active',
  'q',
  'cursor',
  'limit',
] as const;

/**
 * The trigger list of the reference product: by trigger type, sub-type (triggers that filter by a
 * status, or by a type) and the status or type itself, plus active/inactive and a name search.
 * Sorted by name, in keyset pages like the record lists. Each row says how many items wait for the
 * trigger and when it last fired, for the list to show without a call per row.
 */
export async function listTriggers(
  db: Db,
  studio: StudioContext,
  rawQuery: ListQuery,
): Promise<{ data: (TriggerJson & TriggerActivity)[]; next_cursor: string | null }> {
  const problems: ProblemDetail[] = [];
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawQuery)) {
    if (!(TRIGGER_LIST_PARAMETERS as readonly string[]).includes(name)) {
      problems.push({ path: name, problem: 'is not a filter of this list' });
    } else if (typeof value !== 'string' || value.includes('\u0000')) {
      problems.push({ path: name, problem: 'must be given once, as text' });
    } else query[name] = value;
  }
  let select = loose(db).selectFrom('triggers').selectAll().where('studio_id', '=', studio.id);
  const { trigger_type: type, sub_type: subType, is_active: active } = query;
  if (type !== undefined) {
    if (!TRIGGER_TYPE_NAMES.includes(type as TriggerTypeName)) {
      problems.push({ path: 'trigger_type', problem: `must be one of: ${TRIGGER_TYPE_NAMES.join(', ')}` });
    } else select = select.where('trigger_type', '=', type);
  }
  if (subType !== undefined) {
    if (subType === 'status') select = select.where('filter_status_id', 'is not', null);
    else if (subType === 'type') select = select.where('filter_type_id', 'is not', null);
    else problems.push({ path: 'sub_type', problem: 'must be one of: status, type' });
  }
  for (const column of ['filter_status_id', 'filter_type_id'] as const) {
    const value = query[column];
    if (value === undefined) continue;
    if (!/^\d{1,15}$/.test(value))
      problems.push({ path: column, problem: 'must be a positive whole number' });
    else select = select.where(column, '=', Number(value));
  }
  if (active !== undefined) {
    if (active !== 'true' && active !== 'false')
      problems.push({ path: 'is_active', problem: 'must be true or false' });
    else select = select.where('is_active', '=', active === 'true' ? 1 : 0);
  }
  if (query.q !== undefined && query.q.length > MAX_SEARCH) {
    problems.push({ path: 'q', problem: `must be at most ${MAX_SEARCH} characters` });
  }
  const limit = query.limit === undefined ? DEFAULT_PAGE : Number(query.limit);
  if (!/^\d+$/.test(query.limit ?? '1') || limit < 1 || limit > MAX_PAGE) {
    problems.push({ path: 'limit', problem: `must be a whole number from 1 to ${MAX_PAGE}` });
  }
  let cursor: Cursor | null = null;
  if (query.cursor !== undefined) {
    cursor = decodeCursor(query.cursor, 'string');
    if (cursor === null || cursor.s !== SORT) {
      problems.push({ path: 'cursor', problem: 'is not a cursor this list gave out' });
    }
  }
  if (problems.length > 0) throw validationError(problems, 'The list query is not valid');

  if (query.q) {
    select = select.where(containsText('name', query.q));
  }
  if (cursor) {
    const after = cursor;
    select = select.where((eb) => afterCursor(eb, SORT, after, false));
  }
  const rows = (await select
    .orderBy(SORT)
    .orderBy('id')
    .limit(limit + 1)
    .execute()) as LooseRow[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: await withActivity(db, studio.id, page.map(triggerJson)),
    next_cursor:
      rows.length > limit && last
        ? encodeCursor({ s: SORT, v: String(last.name), id: Number(last.id) })
        : null,
  };
}
