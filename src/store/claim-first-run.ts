import { sql, type Transaction } from 'kysely';
import type { Db, DialectName } from './database.js';
import type { Database } from './schema.js';

/**
 * Decides, inside the caller's transaction, whether this process sets up a brand-new database (the
 * first-run demo studio). Two servers started at once on a new database must not both do it: on
 * SQLite the transaction began IMMEDIATE and already holds the write lock; on PostgreSQL the studios
 * table is locked against other writers until commit, so the second process waits and then finds
 * the first one's studio.
 */
export async function claimFirstRun(trx: Transaction<Database>, dialect: DialectName): Promise<boolean> {
  if (dialect === 'postgres') await sql`lock table studios in share row exclusive mode`.execute(trx);
  return !(await hasAnyStudio(trx));
}

/** A transaction is a `Db` too, so this reads inside one as well. */
export async function hasAnyStudio(db: Db): Promise<boolean> {
  const row = await db.selectFrom('studios').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
