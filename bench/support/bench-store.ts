import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type DialectName, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

/**
 * A fresh, migrated store for one benchmark run: a SQLite file in a temporary folder, or a
 * PostgreSQL schema of its own at BENCH_PG_URL (default: the local `test` database), dropped first
 * and again by `cleanUp`.
 */
export async function benchStore(
  dialect: DialectName,
  schema: string,
): Promise<{ store: Store; cleanUp(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'triggerfish-bench-'));
    const store = await openStore(join(dir, 'bench.db'));
    await migrateToLatest(store);
    return { store, cleanUp: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const url = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const dropSchema = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  };
  await dropSchema();
  const store = await openStore(url, { schema, poolSize: 4 });
  await migrateToLatest(store);
  return { store, cleanUp: dropSchema };
}
