import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { DateTime } from 'luxon';
import { validationError, type ProblemDetail } from '../domain/errors.js';
import { isIsoDate, toStoredInstant } from '../domain/local-date.js';
import type { FieldDef, RecordKind } from '../domain/record-kinds/index.js';
import type { Db } from './database.js';
import { attachCollections } from './record-collections.js';
import { loose, type LooseRow } from './record-table.js';
import { recordJson, type RecordJson } from './row-mapping.js';
import type { StudioContext } from './studio-context.js';

export const MAX_PAGE = 500;
const DEFAULT_PAGE = 50;
const META_SORTS = ['id', 'created_at', 'updated_at'];

export interface ListQuery {
  /** Raw query-string parameters: filters, `q`, `sort`, `cursor`, `limit`. */
  [param: string]: string | undefined;
}

export interface ListPage {
  data: RecordJson[];
  next_cursor: string | null;
}

/** The query parameters a kind's list accepts, for validation and the OpenAPI description. */
export function listParameters(kind: RecordKind): { name: string; field: FieldDef | null; role: string }[] {
  const params: { name: string; field: FieldDef | null; role: string }[] = [
    { name: 'q', field: null, role: 'text search' },
    { name: 'sort', field: null, role: 'sort' },
    { name: 'cursor', field: null, role: 'cursor' },
    { name: 'limit', field: null, role: 'limit' },
  ];
  for (const field of kind.fields) {
    if (field.type === 'date' || field.type === 'datetime') {
      params.push({ name: `${field.name}_from`, field, role: 'from' });
      params.push({ name: `${field.name}_to`, field, role: 'to' });
    } else if (field.type !== 'json' && field.type !== 'long_text') {
      params.push({ name: field.name, field, role: 'equals' });
    }
  }
  return params;
}

type Cursor = { v: string | number | null; id: number };

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
  query: ListQuery,
): Promise<ListPage> {
  const problems: ProblemDetail[] = [];
  const params = new Map(listParameters(kind).map((p) => [p.name, p]));
  for (const name of Object.keys(query)) {
    if (!params.has(name)) problems.push({ path: name, problem: 'is not a filter of this list' });
  }
  const limit = query.limit === undefined ? DEFAULT_PAGE : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    problems.push({ path: 'limit', problem: `must be a whole number from 1 to ${MAX_PAGE}` });
  }
  const sortText = query.sort ?? kind.defaultSort;
  const descending = sortText.startsWith('-');
  const sortName = descending ? sortText.slice(1) : sortText;
  const sortable =
    META_SORTS.includes(sortName) || kind.fields.some((f) => f.name === sortName && f.type !== 'json');
  if (!sortable) problems.push({ path: 'sort', problem: `cannot sort by "${sortName}"` });
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (cursor === null) problems.push({ path: 'cursor', problem: 'is not a cursor this list gave out' });

  let select = loose(db).selectFrom(kind.table).selectAll().where('studio_id', '=', studio.id);
  for (const [name, value] of Object.entries(query)) {
    const param = params.get(name);
    if (!param?.field || value === undefined) continue;
    const bound = filterValue(param.field, param.role, value, studio.timeZone);
    if ('problem' in bound) problems.push({ path: name, problem: bound.problem });
    else if (param.role === 'from') select = select.where(param.field.name, '>=', bound.value);
    else if (param.role === 'to') select = select.where(param.field.name, '<=', bound.value);
    else if (bound.value === null) select = select.where(param.field.name, 'is', null);
    else select = select.where(param.field.name, '=', bound.value);
  }
  if (problems.length > 0) throw validationError(problems, 'The list query is not valid');

  if (query.q) select = select.where((eb) => textSearch(eb, kind, query.q as string));
  const col = sql.ref(sortName);
  if (cursor) {
    select = select.where((eb) => afterCursor(eb, sortName, cursor, descending));
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
      rows.length > limit && last ? encodeCursor({ v: last[sortName] ?? null, id: Number(last.id) }) : null,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Eb = ExpressionBuilder<any, any>;

function afterCursor(eb: Eb, column: string, cursor: Cursor, descending: boolean): Expression<SqlBool> {
  const { v, id } = cursor;
  if (!descending) {
    if (v === null) return eb.and([eb(column, 'is', null), eb('id', '>', id)]);
    return eb.or([
      eb(column, '>', v),
      eb.and([eb(column, '=', v), eb('id', '>', id)]),
      eb(column, 'is', null),
    ]);
  }
  if (v === null)
    return eb.or([eb.and([eb(column, 'is', null), eb('id', '<', id)]), eb(column, 'is not', null)]);
  return eb.or([eb(column, '<', v), eb.and([eb(column, '=', v), eb('id', '<', id)])]);
}

/** Case-insensitive substring search over the kind's searchable fields and child rows. */
function textSearch(eb: Eb, kind: RecordKind, q: string): Expression<SqlBool> {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const like = (column: string) => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
  const terms: Expression<SqlBool>[] = kind.fields
    .filter((f) => f.search)
    .map((f) => like(`${kind.table}.${f.name}`));
  for (const collection of kind.collections ?? []) {
    const searchable = collection.fields.filter((f) => f.search);
    if (searchable.length === 0) continue;
    terms.push(
      eb.exists(
        eb
          .selectFrom(`${collection.table} as c`)
          .select('c.id')
          .whereRef(`c.${kind.name}_id`, '=', `${kind.table}.id`)
          .where((inner: Eb) => inner.or(searchable.map((f) => like(`c.${f.name}`)))),
      ),
    );
  }
  return eb.or(terms);
}

type Bound = { value: string | number | null } | { problem: string };

function filterValue(field: FieldDef, role: string, raw: string, zone: string): Bound {
  if (raw === '' || raw === 'null')
    return role === 'equals' ? { value: null } : { problem: 'must not be empty' };
  switch (field.type) {
    case 'int':
    case 'money':
    case 'ref':
      return /^-?\d+$/.test(raw) ? { value: Number(raw) } : { problem: 'must be a whole number' };
    case 'bool':
      return raw === 'true'
        ? { value: 1 }
        : raw === 'false'
          ? { value: 0 }
          : { problem: 'must be true or false' };
    case 'date':
      return isIsoDate(raw) ? { value: raw } : { problem: 'must be a date written YYYY-MM-DD' };
    case 'datetime': {
      // A bare date means the studio-local day: from its first instant, to its last.
      if (isIsoDate(raw)) {
        const day = DateTime.fromISO(raw, { zone });
        const edge = role === 'to' ? day.endOf('day') : day.startOf('day');
        return { value: edge.toUTC().toISO() as string };
      }
      const stored = toStoredInstant(raw);
      return stored
        ? { value: stored }
        : { problem: 'must be a date (YYYY-MM-DD) or a date and time with an offset' };
    }
    default:
      return { value: raw };
  }
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): Cursor | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { v, id } = value as Record<string, unknown>;
    if (!Number.isSafeInteger(id)) return null;
    if (v !== null && typeof v !== 'string' && typeof v !== 'number') return null;
    return { v, id: id as number };
  } catch {
    return null;
  }
}
