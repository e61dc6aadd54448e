import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { createStudioTable, index } from './table-builder.js';

/**
 * Files attached to an email (SPEC §6): a session confirmation or invoice PDF, an `.ics` calendar
 * entry. Processing makes them in the transaction that writes the communication and keeps their
 * bytes here (`blob` on SQLite, `bytea` on PostgreSQL), so that every attempt of the delivery sends
 * exactly the same files and the development inbox shows what was sent.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await createStudioTable(db, dialect, 'communication_attachments', [
    ['communication_id', 'ref', 'communications.id', 'cascade'],
    // session_confirmation_pdf | invoice_pdf | ics_invitation
    ['kind', 'text', 'not null'],
    ['filename', 'text', 'not null'],
    ['content_type', 'text', 'not null'],
    ['byte_size', 'int', 'not null'],
    ['content', 'bytes', 'not null'],
  ]);
  await index(db, 'communication_attachments', ['studio_id', 'communication_id']);
}
