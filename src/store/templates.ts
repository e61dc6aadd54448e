import type { Selectable, Updateable } from 'kysely';
import { conflict, notFound } from '../domain/errors.js';
import type { Db } from './database.js';
import { loose } from './record-table.js';
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

/**
 * Deletes a template no trigger uses. A trigger names its template inside its action settings (a
 * JSON column, so no foreign key guards it); deleting one in use would leave the trigger failing at
 * every item, so the delete is refused and names the triggers to change first.
 */
export async function deleteTemplate(db: Db, studioId: number, id: number): Promise<void> {
  const users = await triggersUsingTemplate(db, studioId, id);
  if (users.length > 0) {
    const names = users.map((t) => `“${t.name}”`).join(', ');
    throw conflict(
      `This template is used by the trigger${users.length === 1 ? '' : 's'} ${names}; choose another template there (or delete the trigger) first`,
      users.map((t) => ({ path: '', problem: `is used by trigger ${t.id} “${t.name}”` })),
    );
  }
  const result = await db
    .deleteFrom('templates')
    .where('studio_id', '=', studioId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Template', id);
}

const TEMPLATE_SLOTS = ['email_template_id', 'sms_template_id', 'letter_template_id'] as const;

/** The studio's triggers whose action names the template (a studio has tens of triggers, not more). */
async function triggersUsingTemplate(db: Db, studioId: number, templateId: number) {
  const rows = await loose(db)
    .selectFrom('triggers')
    .select(['id', 'name', 'action_settings'])
    .where('studio_id', '=', studioId)
    .where('action_settings', 'like', '%_template_id%')
    .orderBy('name')
    .execute();
  return rows.filter((row: { id: number; name: string; action_settings: unknown }) => {
    const settings = JSON.parse(String(row.action_settings)) as Record<string, unknown>;
    return TEMPLATE_SLOTS.some((slot) => settings[slot] === templateId);
  });
}
