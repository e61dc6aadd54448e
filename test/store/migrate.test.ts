import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/store/migrate.js';
import { forEachDialect } from '../support/dialects.js';

forEachDialect('migrations', (store) => {
  it('creates every table and finds nothing left to do on a second run', async () => {
    const tables = await store().db.introspection.getTables();
    const names = tables.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['studios', 'clients', 'sessions', 'status_history', 'api_tokens']),
    );
    expect(await migrateToLatest(store())).toEqual([]);
  });
});

describe('SQLite settings', () => {
  it('runs in WAL mode with foreign keys and a busy timeout', async () => {
    const { openStore } = await import('../../src/store/database.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/tf-`);
    const store = await openStore(`file:${dir}/t.db`);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
    const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(store.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    expect(busy.rows[0]?.timeout).toBeGreaterThan(0);
    await store.close();
  });
});
