import { randomBytes } from 'node:crypto';
import type { Db } from './database.js';

const cache = new WeakMap<Db, Map<string, Promise<string>>>();

/**
 * A secret of this installation, generated once (256 random bits) and kept in the database, so
 * every process on the database uses the same one and it survives restarts. Two processes that
 * generate it at once both read back the one that was stored first.
 */
export function instanceSecret(db: Db, name: string, now: Date): Promise<string> {
  let byName = cache.get(db);
  if (!byName) cache.set(db, (byName = new Map()));
  let secret = byName.get(name);
  if (!secret) {
    secret = loadOrCreate(db, name, now);
    byName.set(name, secret);
    // A failed read (the database was down) is tried again next time rather than cached.
    secret.catch(() => byName.delete(name));
  }
  return secret;
}

async function loadOrCreate(db: Db, name: string, now: Date): Promise<string> {
  await db
    .insertInto('instance_secrets')
    .values({ name, value: randomBytes(32).toString('base64url'), created_at: now.toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('instance_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.value;
}
