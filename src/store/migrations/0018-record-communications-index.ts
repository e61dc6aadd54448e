import type { Kysely } from 'kysely';
import { index } from './table-builder.js';

/**
 * A record page lists what was sent about that record (`GET /communications?record_kind=&record_id=`,
 * newest first by id). Without this index both databases read every communication of the studio
 * to find one session's handful, and a studio's outbox grows by thousands a month.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await index(db, 'communications', ['studio_id', 'record_kind', 'record_id', 'id']);
}
