import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore, type DialectName, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

/**
 * Runs a block of tests once per database, the way Kysely's own suite loops over dialects. SQLite
 * always runs. PostgreSQL runs when TEST_PG_URL is set; without it the block is skipped and says
 * so, except under CI=true, where a missing PostgreSQL fails the run.
 */
export const PG_URL = process.env.TEST_PG_URL;
export const DIALECTS: DialectName[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

if (!PG_URL && process.env.CI === 'true') {
  throw new Error('CI=true but TEST_PG_URL is not set: the PostgreSQL suite is required in CI');
}

export function forEachDialect(name: string, body: (ctx: () => Store, dialect: DialectName) => void): void {
  for (const dialect of DIALECTS) {
    describe(`${name} [${dialect}]`, () => {
      let store: Store | undefined;
      let schema: string | undefined;
      beforeAll(async () => {
        ({ store, schema } = await freshStore(dialect));
      });
      afterAll(async () => {
        await store?.close();
        if (schema) await dropSchema(schema);
      });
      body(() => {
        if (!store) throw new Error('store not open yet');
        return store;
      }, dialect);
    });
  }
  if (!PG_URL) describe.skip(`${name} [postgres] (skipped: TEST_PG_URL is not set)`, () => {});
}

/** A migrated, empty database: in-memory SQLite, or a PostgreSQL schema of its own. */
export async function freshStore(dialect: DialectName): Promise<{ store: Store; schema?: string }> {
  if (dialect === 'sqlite') {
    const store = await openStore(':memory:');
    await migrateToLatest(store);
    return { store };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const store = await openStore(PG_URL as string, { schema, poolSize: 4 });
  await migrateToLatest(store);
  return { store, schema };
}

export async function dropSchema(schema: string): Promise<void> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
