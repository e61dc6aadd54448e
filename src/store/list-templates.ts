import { sql, type SqlBool } from 'kysely';
import { validationError, type ProblemDetail } from '../domain/errors.js';
import type { Db } from './database.js';
import { afterCursor, decodeCursor, encodeCursor, type Cursor } from './keyset-cursor.js';
import { MAX_PAGE, type ListQuery } from './list-records.js';
import { templateJson, type TemplateJson } from './templates.js';

const DEFAULT_PAGE = 50;
const SORT = 'name';
export const TEMPLATE_LIST_PARAMETERS = ['channel', 'basis', 'is_inactive', 'q', 'cursor', 'limit'] as const;

/**
 * The studio's templates by name, filtered by channel, basis, inactive flag and a substring of the
 * name, in keyset pages (the records lists' cursors, so a client pages both the same way). Channel
 * and basis are compared as given: a value no template can have simply finds none.
 */
export async function listTemplates(
  db: Db,
  studioId: number,
  raw: ListQuery,
): Promise<{ data: TemplateJson[]; next_cursor: string | null }> {
  const problems: ProblemDetail[] = [];
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!(TEMPLATE_LIST_PARAMETERS as readonly string[]).includes(name))
      problems.push({ path: name, problem: 'is not a filter of this list' });
    else if (typeof value !== 'string') problems.push({ path: name, problem: 'must be given once' });
    else if (value.includes('\u0000'))
      problems.push({ path: name, problem: 'must not contain a NUL character' });
    else query[name] = value;
  }
  const limit = query.limit === undefined ? DEFAULT_PAGE : Number(query.limit);
  if (!/^\d+$/.test(query.limit ?? '1') || limit < 1 || limit > MAX_PAGE)
    problems.push({ path: 'limit', problem: `must be a whole number from 1 to ${MAX_PAGE}` });
  if (query.is_inactive !== undefined && !['true', 'false'].includes(query.is_inactive))
    problems.push({ path: 'is_inactive', problem: 'must be true or false' });
  let cursor: Cursor | undefined;
  if (query.cursor !== undefined) {
    const decoded = decodeCursor(query.cursor, 'string');
    if (decoded === null || decoded.s !== SORT)
      problems.push({ path: 'cursor', problem: 'is not a cursor this list gave out' });
    else cursor = decoded;
  }
  if (problems.length > 0) throw validationError(problems, 'The list query is not valid');

  let select = db.selectFrom('templates').selectAll().where('studio_id', '=', studioId);
  if (query.channel !== undefined) select = select.where('channel', '=', query.channel);
  if (query.basis !== undefined) select = select.where('basis', '=', query.basis);
  if (query.is_inactive !== undefined)
    select = select.where('is_inactive', '=', query.is_inactive === 'true' ? 1 : 0);
  if (query.q) {
    const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where(sql<SqlBool>`lower(name) like ${pattern} escape '\\'`);
  }
  if (cursor) {
    const after = cursor;
    select = select.where((eb) => afterCursor(eb, SORT, after, false));
  }
  const rows = await select
    .orderBy('name')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map(templateJson),
    next_cursor:
      rows.length > limit && last ? encodeCursor({ s: SORT, v: last.name, id: Number(last.id) }) : null,
  };
}
