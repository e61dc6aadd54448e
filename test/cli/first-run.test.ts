import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickableAddress, describeDatabase, firstRunBanner } from '../../src/cli/first-run-banner.js';
import { firstRun } from '../../src/cli/first-run.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { DialectName, Store } from '../../src/store/database.js';
import { DIALECTS, dropSchema, forEachDialect, freshStore } from '../support/dialects.js';

const clock = new ManualClock('2026-03-10T16:30:00Z');
const SMALL = { clients: 15 };

async function studioCount(store: Store): Promise<number> {
  return (await store.db.selectFrom('studios').select('id').execute()).length;
}

forEachDialect('first run', (store) => {
  it('creates the demo studio and its owner on a new database, once', async () => {
    const first = await firstRun(store(), clock, { demo: true, ...SMALL });
    expect(first.kind).toBe('demo');
    if (first.kind !== 'demo') return;
    expect(first.demo.studio.is_sandbox).toBe(1);
    expect(first.demo.owner.email).toBe('owner@demo.triggerfish.test');
    const members = await store()
      .db.selectFrom('memberships')
      .select(['user_id', 'role'])
      .where('studio_id', '=', first.demo.studio.id)
      .execute();
    expect(members).toContainEqual({ user_id: first.demo.owner.id, role: 'owner' });

    const again = await firstRun(store(), clock, { demo: true, ...SMALL });
    expect(again).toEqual({ kind: 'existing' });
    expect(await studioCount(store())).toBe(1);
    expect((await store().db.selectFrom('users').select('id').execute()).length).toBe(members.length);
  });

  it('with the demo off reports an existing database as existing', async () => {
    expect(await firstRun(store(), clock, { demo: false })).toEqual({ kind: 'existing' });
  });
});

for (const dialect of DIALECTS) {
  describe(`first run on a new database [${dialect}]`, () => {
    let store: Store;
    let schema: string | undefined;
    beforeAll(async () => {
      ({ store, schema } = await freshStore(dialect as DialectName));
    });
    afterAll(async () => {
      await store.close();
      if (schema) await dropSchema(schema);
    });

    it('creates nothing when the demo is off', async () => {
      expect(await firstRun(store, clock, { demo: false })).toEqual({ kind: 'empty' });
      expect(await studioCount(store)).toBe(0);
      expect((await store.db.selectFrom('users').select('id').execute()).length).toBe(0);
    });

    it('creates one demo studio when two servers start at the same moment', async () => {
      const runs = await Promise.all([
        firstRun(store, clock, { demo: true, ...SMALL }),
        firstRun(store, clock, { demo: true, ...SMALL }),
      ]);
      expect(runs.map((run) => run.kind).sort()).toEqual(['demo', 'existing']);
      expect(await studioCount(store)).toBe(1);
    });
  });
}

describe('first-run banner', () => {
  it('prints a clickable address for any host', () => {
    expect(clickableAddress('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000');
    expect(clickableAddress('0.0.0.0', 8080)).toBe('http://localhost:8080');
    expect(clickableAddress('::1', 3000)).toBe('http://[::1]:3000');
  });

  it('names the database without its password', () => {
    expect(describeDatabase('file:./data/triggerfish.db')).toBe('SQLite, ./data/triggerfish.db');
    const pg = describeDatabase('postgres://app:s3cret@db.internal:5432/triggerfish');
    expect(pg).toBe('PostgreSQL, db.internal:5432/triggerfish');
  });

  it('tells an operator without a studio what to do next', () => {
    const text = firstRunBanner({ kind: 'empty' }, 'http://127.0.0.1:3000', 'SQLite, x.db');
    expect(text).toContain('triggerfish studio create --name');
    expect(text).toContain('http://127.0.0.1:3000/api/docs');
  });
});
