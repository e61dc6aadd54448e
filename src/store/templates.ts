import type { Selectable, Updateable } from 'kysely';
import { notFound } from '../domain/errors.js';
import type { Db } from './database.js';
import type { TemplateTable } from './schema.js';

/**
 * Rows of the `templates` table. What a template may contain (channel rules, merge fields) is
 * checked by `src/templates/save-template.ts` before anything reaches these functions: the store
 * only knows the table, and the linter lives above it (ARCHITECTURE.md §2).
 */
export type TemplateRow = Selectable<TemplateTable>;

/** The stored columns a caller sets; ids, studio and timestamps are the store's. */
export type TemplateValues = Pick<
  TemplateRow,
  'name' | 'channel' | 'basis' | 'subject' | 'body_html' | 'body_text' | 'is_inactive'
>;

/** The API's form: the row without its studio, the flag as a boolean. */
export type TemplateJson = Omit<TemplateRow, 'studio_id' | 'is_inactive'> & { is_inactive: boolean };

export function templateJson(row: TemplateRow): TemplateJson {
  return {
    id: Number(row.id),
    name: row.name,
    channel: row.channel,
    basis: row.basis,
    subject: row.subject,
    body_html: row.body_html,
    body_text: row.body_text,
    is_inactive: Number(row.is_inactive) === 1,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** A template of the studio, or 404 worded the same whether it is another studio's or nobody's. */
export async function getTemplateRow(db: Db, studioId: number, id: number): Promise<TemplateRow> {
  const row = await db
    .selectFrom('templates')
    .selectAll()
    .where('studio_id', '=', studioId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Template', id);
  return row;
}

export async function insertTemplate(
  db: Db,
  studioId: number,
  values: TemplateValues,
  at: string,
): Promise<TemplateRow> {
  return db
    .insertInto('templates')
    .values({ ...values, studio_id: studioId, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateTemplateRow(
  db: Db,
  studioId: number,
  id: number,
  changes: Updateable<TemplateTable>,
): Promise<TemplateRow> {
  const row = await db
    .updateTable('templates')
    .set(changes)
    .where('studio_id', '=', studioId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('Template', id);
  return row;
}

export async function deleteTemplate(db: Db, studioId: number, id: number): Promise<void> {
  const result = await db
    .deleteFrom('templates')
    .where('studio_id', '=', studioId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Template', id);
}
