import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { idColumn, index } from './table-builder.js';

/**
 * Web forms (SPEC §5): the answers of a submitted form, kept on the form as JSON text; the public
 * key that addresses a template's contact-us page (256 random bits, so the pages of a deployment
 * cannot be enumerated); and the contact-us posts per client address in the last hour, which the
 * per-address limit counts. Existing templates get their key here.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('web_forms').addColumn('answers', 'text').execute();
  await db.schema.alterTable('web_form_templates').addColumn('public_key', 'text').execute();
  const templates = await sql<{ id: number }>`select id from web_form_templates`.execute(db);
  for (const row of templates.rows) {
    const key = randomBytes(32).toString('base64url');
    await sql`update web_form_templates set public_key = ${key} where id = ${row.id}`.execute(db);
  }
  await index(db, 'web_form_templates', ['public_key'], true);
  await idColumn(db.schema.createTable('contact_form_posts'), dialect)
    .addColumn('ip', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await index(db, 'contact_form_posts', ['ip', 'at']);
}
