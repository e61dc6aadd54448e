import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { DateTime } from 'luxon';
import { validationError, type ProblemDetail } from '../domain/errors.js';
import { isIsoDate, toStoredInstant } from '../domain/local-date.js';
import { normalizePhone } from '../domain/phone-number.js';
import type { FieldDef, RecordKind } from '../domain/record-kinds/index.js';
import { convertValue, type Conversion } from '../domain/validate-record-input.js';
import { containsText } from './contains-text.js';
import type { Db } from './database.js';
import { afterCursor, decodeCursor, encodeCursor, type Cursor } from './keyset-cursor.js';
import { attachCollections } from './record-collections.js';
import { loose, type LooseRow } from './record-table.js';
import { recordJson, type RecordJson } from './row-mapping.js';
import type { StudioContext } from './studio-context.js';

export const MAX_PAGE = 500;
const DEFAULT_PAGE = 50;
const MAX_SEARCH = 200;
const META_SORTS: Record<string, 'number' | 'string'> = {
  id: 'number',
  created_at: 'string',
  updated_at: 'string',
};

export interface ListQuery {
  /** Raw query-string parameters: filters, `q`, `sort`, `cursor`, `limit`. A repeated one is a list. */
  [param: string]: string | string[] | undefined;
}

export interface ListPage {
  data: RecordJson[];
  next_cursor: string | null;
}

export type ListParameterRole = 'q' | 'sort' | 'cursor' | 'limit' | 'equals' | 'from' | 'to';

export interface ListParameter {
  name: string;
  field: FieldDef | null;
  role: ListParameterRole;
}

/** The query parameters a kind's list accepts, for validation and the OpenAPI description. */
export function listParameters(kind: RecordKind): ListParameter[] {
  const params: ListParameter[] = [
    { name: 'q', field: null, role: 'q' },
    { name: 'sort', field: null, role: 'sort' },
    { name: 'cursor', field: null, role: 'cursor' },
    { name: 'limit', field: null, role: 'limit' },
  ];
  for (const field of kind.fields) {
    if (field.type === 'date' || field.type === 'datetime') {
      params.push({ name: `${field.name}_from`, field, role: 'from' });
      params.push({ name: `${field.name}_to`, field, role: 'to' });
      // "Has none" (open tasks: completed_date=null) cannot be said with a range; a date field also
      // takes one day. An instant is never asked for exactly, so date-times take "null" only.
      if (field.type === 'date' || !field.required) params.push({ name: field.name, field, role: 'equals' });
    } else if (field.type !== 'json' && field.type !== 'long_text') {
      params.push({ name: field.name, field, role: 'equals' });
    }
  }
  return params;
}

/**
 * Lists a kind's records with filters, text search, a sort and keyset (cursor) pagination. Keyset
 * pages stay fast at any depth and do not skip or repeat rows when records are added meanwhile.
 * NULLs sort last ascending and first descending in both databases (SQLite and PostgreSQL disagree
 * by default), so the cursor conditions below can be the same SQL for both.
 */
export async function listRecords(
  db: Db,
  studio: StudioContext,
  kind: RecordKind,
  rawQuery: ListQuery,
): Promise<ListPage> {
  const problems: ProblemDetail[] = [];
  const params = new Map(listParameters(kind).map((p) => [p.name, p]));
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawQuery)) {
    if (!params.has(name)) problems.push({ path: name, problem: 'is not a filter of this list' });
    else if (typeof value !== 'string') problems.push({ path: name, problem: 'must be given once' });
    // PostgreSQL cannot even compare text with a NUL in it; no stored value has one.
    else if (value.includes('\u0000'))
      problems.push({ path: name, problem: 'must not contain a NUL character' });
    else query[name] = value;
  }
  const limit = query.limit === undefined ? DEFAULT_PAGE : Number(query.limit);
  if (!/^\d+$/.test(query.limit ?? '1') || limit < 1 || limit > MAX_PAGE) {
    problems.push({ path: 'limit', problem: `must be a whole number from 1 to ${MAX_PAGE}` });
  }
  if (query.q !== undefined && query.q.length > MAX_SEARCH) {
    problems.push({ path: 'q', problem: `must be at most ${MAX_SEARCH} characters` });
  }
  const sortText = query.sort ?? kind.defaultSort;
  const descending = sortText.startsWith('-');
  const sortName = descending ? sortText.slice(1) : sortText;
  const sortType = sortColumns(kind).get(sortName);
  if (!sortType) problems.push({ path: 'sort', problem: `cannot sort by "${sortName}"` });
  let cursor: Cursor | undefined;
  if (query.cursor !== undefined && sortType) {
    const decoded = decodeCursor(query.cursor, sortType);
    if (decoded === null) problems.push({ path: 'cursor', problem: 'is not a cursor this list gave out' });
    else if (decoded.s !== sortText) {
      problems.push({
        path: 'cursor',
        problem: `belongs to a list sorted by "${decoded.s}", not "${sortText}"`,
      });
    } else cursor = decoded;
  }

  let select = loose(db).selectFrom(kind.table).selectAll().where('studio_id', '=', studio.id);
  for (const [name, value] of Object.entries(query)) {
    const param = params.get(name);
    if (!param?.field) continue;
    const bound = filterValue(param, value, studio);
    if ('problem' in bound) problems.push({ path: name, problem: bound.problem });
    else if (param.role === 'from') select = select.where(param.field.name, '>=', bound.value);
    else if (param.role === 'to') select = select.where(param.field.name, '<=', bound.value);
    else if (bound.value === null) select = select.where(param.field.name, 'is', null);
    else select = select.where(param.field.name, '=', bound.value);
  }
  if (problems.length > 0) throw validationError(problems, 'The list query is not valid');

  if (query.q) {
    const q = query.q;
    select = select.where((eb) => textSearch(eb, kind, q, studio.country));
  }
  const col = sql.ref(sortName);
  if (cursor) {
    const after = cursor;
    select = select.where((eb) => afterCursor(eb, sortName, after, descending));
  }
  const isNull = sql`(${col} is null)`;
  select = descending
    ? select.orderBy(isNull, 'desc').orderBy(sortName, 'desc').orderBy('id', 'desc')
    : select.orderBy(isNull, 'asc').orderBy(sortName, 'asc').orderBy('id', 'asc');
  const rows = (await select.limit(limit + 1).execute()) as LooseRow[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const data = page.map((row) => recordJson(kind, row));
  await attachCollections(db, kind, data);
  return {
    data,
    next_cursor:
      rows.length > limit && last
        ? encodeCursor({ s: sortText, v: last[sortName] ?? null, id: Number(last.id) })
        : null,
  };
}

/**
 * The columns a kind's list can be sorted by (every field but JSON ones, and the meta columns),
 * each with the type its cursor values have.
 */
export function sortColumns(kind: RecordKind): Map<string, 'number' | 'string'> {
  const columns = new Map(Object.entries(META_SORTS));
  for (const field of kind.fields) {
    if (field.type === 'json') continue;
    columns.set(field.name, ['int', 'money', 'ref', 'bool'].includes(field.type) ? 'number' : 'string');
  }
  return columns;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Eb = ExpressionBuilder<any, any>;

/**
 * Case-insensitive substring search over the kind's searchable fields and child rows. Phone
 * numbers are stored in E.164, so a number typed with spaces, brackets or dashes is searched by its
 * digits, and a whole national number also by its E.164 form ("020 7946 0958" in a GB studio).
 */
function textSearch(eb: Eb, kind: RecordKind, q: string, country: string): Expression<SqlBool> {
  const phoneTexts = phoneSearchTexts(q, country);
  const term = (column: string, field: FieldDef) =>
    field.type === 'phone' && phoneTexts.length > 0
      ? eb.or(phoneTexts.map((text) => containsText(column, text)))
      : containsText(column, q);
  const terms: Expression<SqlBool>[] = kind.fields
    .filter((f) => f.search)
    .map((f) => term(`${kind.table}.${f.name}`, f));
  for (const collection of kind.collections ?? []) {
    const searchable = collection.fields.filter((f) => f.search);
    if (searchable.length === 0) continue;
    terms.push(
      eb.exists(
        eb
          .selectFrom(`${collection.table} as c`)
          .select('c.id')
          .whereRef(`c.${kind.name}_id`, '=', `${kind.table}.id`)
          .where((inner: Eb) => inner.or(searchable.map((f) => term(`c.${f.name}`, f)))),
      ),
    );
  }
  return eb.or(terms);
}

/** What to look for in E.164 numbers when `q` reads as (part of) a phone number; else nothing. */
function phoneSearchTexts(q: string, country: string): string[] {
  const digits = q.replace(/\D/g, '');
  if (!/^[\d\s()+\-./]+$/.test(q.trim()) || digits.length < 3) return [];
  const whole = normalizePhone(q, country);
  return whole.ok && !whole.e164.includes(digits) ? [digits, whole.e164] : [digits];
}

/**
 * A filter value from the query string in stored form, checked with the field's own rules (and
 * words). On a date-time field a bare date means the studio-local day: from its first instant, to
 * its last.
 */
function filterValue(param: ListParameter, raw: string, studio: StudioContext): Conversion {
  const field = param.field as FieldDef;
  if (raw === '' || raw === 'null') {
    // Flags are never empty (a missing flag reads as false), so "none" would silently match nothing.
    if (field.type === 'bool') return { problem: 'must be true or false' };
    return param.role === 'equals' ? { value: null } : { problem: 'must not be empty' };
  }
  if (field.type === 'datetime' && param.role === 'equals') {
    return { problem: `must be "null" (has none); for a time span use ${field.name}_from and _to` };
  }
  if (field.type === 'datetime') {
    if (isIsoDate(raw)) {
      const day = DateTime.fromISO(raw, { zone: studio.timeZone });
      const edge = param.role === 'to' ? day.endOf('day') : day.startOf('day');
      return { value: edge.toUTC().toISO() as string };
    }
    const stored = toStoredInstant(raw);
    return stored
      ? { value: stored }
      : {
          problem:
            'must be a date (YYYY-MM-DD, the studio-local day) or a date and time with an offset ("+" written %2B)',
        };
  }
  // Bounds of the field (an NPS score of 0 to 10) apply to filters too; a value no record can
  // have is a mistake in the query, not an empty answer.
  return convertValue(field, raw, { mode: 'update', country: studio.country, fromText: true });
}
