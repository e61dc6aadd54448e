import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoStudio, type DemoStudio } from '../../src/demo/build-demo-studio.js';
import { ManualClock } from '../../src/domain/clock.js';
import { verifyPassword } from '../../src/domain/password-hash.js';
import type { Store } from '../../src/store/database.js';
import { forEachDialect, freshStore } from '../support/dialects.js';

const NOW = '2026-03-10T16:30:00Z';
const DAY = 86_400_000;

async function count(store: Store, table: string, studioId: number): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from ${sql.table(table)} where studio_id = ${studioId}`.execute(store.db);
  return Number(rows[0]?.n);
}

async function clientNames(store: Store, studioId: number): Promise<string[]> {
  const rows = await sql<{ name: string }>`select first_name || ' ' || last_name as name from clients
    where studio_id = ${studioId} order by id`.execute(store.db);
  return rows.rows.map((row) => row.name);
}

function build(store: Store, clock: ManualClock, options: { seed?: number; clients?: number } = {}) {
  return store.db.transaction().execute((trx) => buildDemoStudio(trx, clock, options));
}

describe('demo studio of the default size [sqlite]', () => {
  let store: Store;
  let demo: DemoStudio;
  beforeAll(async () => {
    ({ store } = await freshStore('sqlite'));
    demo = await build(store, new ManualClock(NOW));
  }, 60_000);
  afterAll(() => store.close());

  it('is a sandbox studio with an owner who can sign in with the printed password', async () => {
    expect(demo.studio.is_sandbox).toBe(1);
    expect(demo.studio.time_zone).toBe('America/Chicago');
    expect(demo.owner.email).toBe('owner@demo.triggerfish.test');
    const owner = await store.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', demo.owner.id)
      .executeTakeFirst();
    expect(await verifyPassword(demo.owner.password, owner?.password_hash ?? '')).toBe(true);
  });

  it('holds about 200 clients with family members, phones, emails and non-ASCII names', async () => {
    const id = demo.studio.id;
    expect(await count(store, 'clients', id)).toBe(200);
    expect(await count(store, 'family_members', id)).toBeGreaterThan(150);
    expect(await count(store, 'client_phones', id)).toBeGreaterThan(150);
    expect(await count(store, 'client_emails', id)).toBeGreaterThan(150);
    const names = (await clientNames(store, id)).join(' ');
    expect(names).toMatch(/[^ -~]/);
  });

  it('spreads sessions, appointments, invoices and tasks over the 60 days before and after now', async () => {
    const now = new Date(NOW).getTime();
    for (const [table, column] of [
      ['sessions', 'start'],
      ['appointments', 'start'],
    ] as const) {
      const rows = await sql<{ at: string }>`select ${sql.ref(column)} as at from ${sql.table(table)}
        where studio_id = ${demo.studio.id}`.execute(store.db);
      const offsets = rows.rows.map((row) => (new Date(row.at).getTime() - now) / DAY);
      expect(offsets.filter((d) => d < 0).length, `${table} in the past`).toBeGreaterThan(10);
      expect(offsets.filter((d) => d > 0).length, `${table} in the future`).toBeGreaterThan(10);
      expect(Math.min(...offsets)).toBeGreaterThanOrEqual(-61);
      expect(Math.max(...offsets)).toBeLessThanOrEqual(61);
    }
    expect(await count(store, 'sessions', demo.studio.id)).toBeGreaterThan(100);
    expect(await count(store, 'invoices', demo.studio.id)).toBeGreaterThan(100);
    expect(await count(store, 'tasks', demo.studio.id)).toBeGreaterThan(100);
    expect(await count(store, 'production_orders', demo.studio.id)).toBeGreaterThan(10);
    expect(await count(store, 'preproduction_orders', demo.studio.id)).toBeGreaterThan(10);
  });

  it('writes status history in order and never after now', async () => {
    const history = await store.db
      .selectFrom('status_history')
      .select(['record_kind', 'record_id', 'entered_at', 'left_at'])
      .where('studio_id', '=', demo.studio.id)
      .orderBy('id')
      .execute();
    expect(history.length).toBeGreaterThan(1000);
    expect(new Set(history.map((h) => h.record_kind))).toEqual(
      new Set([
        'client',
        'session',
        'appointment',
        'invoice',
        'production_order',
        'preproduction_order',
        'task',
        'web_form',
      ]),
    );
    expect(history.every((h) => h.entered_at <= '2026-03-10T16:30:00.000Z')).toBe(true);
    expect(history.every((h) => h.left_at === null || h.left_at >= h.entered_at)).toBe(true);
  });
});

forEachDialect('demo studio', (store) => {
  const clock = new ManualClock(NOW);

  it('is the same for the same seed and clock, and different for another seed', async () => {
    const first = await build(store(), clock, { clients: 10 });
    const second = await build(store(), clock, { clients: 10 });
    const other = await build(store(), clock, { clients: 10, seed: 2 });
    expect(second.owner.email).toBe('owner@demo2.triggerfish.test');
    expect(second.studio.name).toContain('demo 2');
    expect(await clientNames(store(), second.studio.id)).toEqual(await clientNames(store(), first.studio.id));
    expect(second.counts).toEqual(first.counts);
    expect(await clientNames(store(), other.studio.id)).not.toEqual(
      await clientNames(store(), first.studio.id),
    );
    expect(first.owner.password).not.toBe(second.owner.password);
  });
});
