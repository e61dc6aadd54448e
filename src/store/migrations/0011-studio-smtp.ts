import type { Kysely } from 'kysely';

/**
 * Email over SMTP (SPEC §6): a studio's own SMTP server, which wins over SMTP_URL; the unsubscribe
 * link a marketing email was sent with, so that its List-Unsubscribe header names exactly the link
 * in its body; and the instance's generated secrets (the unsubscribe key when UNSUBSCRIBE_SECRET is
 * not set), shared by every process on the database so that links keep working across restarts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // smtp:// or smtps:// with the user and password in it: a secret, never returned by the API.
  await db.schema.alterTable('studios').addColumn('smtp_url', 'text').execute();
  await db.schema.alterTable('communications').addColumn('unsubscribe_url', 'text').execute();
  await db.schema
    .createTable('instance_secrets')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
}
