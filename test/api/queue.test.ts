import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { loose } from '../../src/store/record-table.js';
import { forEachDialect } from '../support/dialects.js';
import { call, makeServer, makeStudio, type StudioFixture } from '../support/studio-fixture.js';
import { insertTrigger } from '../support/trigger-rows.js';

forEachDialect('the Process Triggers queue', (store) => {
  const clock = new ManualClock('2026-11-02T15:00:00Z');
  let app: FastifyInstance;
  let studio: StudioFixture;
  let remind: number;
  let strict: number;
  let clientId: number;
  let typeId: number;

  const advance = (to: string) => call(app, studio.tokens.admin, 'POST', '/api/v1/clock/advance', { to });
  const item = async (id: number) =>
    (await call(app, studio.tokens.staff, 'GET', `/api/v1/items/${id}`)).body;

  beforeAll(async () => {
    app = await makeServer(store(), clock);
    studio = await makeStudio(store(), clock, { is_sandbox: true });
    const owner = studio.tokens.owner;
    typeId = (await call(app, owner, 'POST', '/api/v1/types', { kind: 'session', name: 'Portrait' })).body.id;
    clientId = (await call(app, owner, 'POST', '/api/v1/clients', { first_name: 'Ada', last_name: 'L' })).body
      .id;
    const base = { trigger_type: 'session_type', date_option: 'booked_date' };
    remind = await insertTrigger(store().db, studio.studio.id, clock.now(), { ...base, name: 'A reminder' });
    strict = await insertTrigger(store().db, studio.studio.id, clock.now(), {
      ...base,
      name: 'B strict',
      exclusions: JSON.stringify({ date_is_past: true }),
    });
    clock.advance(60_000);
    for (let day = 10; day < 15; day += 1) {
      await call(app, owner, 'POST', '/api/v1/sessions', {
        client_id: clientId,
        session_type_id: typeId,
        start: `2026-11-${day}T15:00:00Z`,
      });
    }
    await advance('2026-11-02T16:00:00Z');
  });

  it('groups pending items by trigger with their counts', async () => {
    const groups = await call(app, studio.tokens.staff, 'GET', '/api/v1/queue');
    expect(groups.body.data.map((g: any) => [g.name, g.pending])).toEqual([
      ['A reminder', 5],
      ['B strict', 5],
    ]);
  });

  it('pages through the items, each exactly once, oldest trigger date first', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await call(
        app,
        studio.tokens.staff,
        'GET',
        `/api/v1/queue/items?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((i: { id: number }) => i.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
  });

  it('skips one item for good, naming who did it, and reports what it could not change', async () => {
    const [first] = (await call(app, studio.tokens.staff, 'GET', `/api/v1/queue/items?trigger_id=${remind}`))
      .body.data;
    const skipped = await call(app, studio.tokens.staff, 'POST', '/api/v1/queue/skip', {
      item_ids: [first.id, 999_999],
    });
    expect(skipped.body).toEqual({ skipped: [first.id], unchanged: [999_999] });
    const again = await call(app, studio.tokens.staff, 'POST', '/api/v1/queue/delete', {
      item_ids: [first.id],
    });
    expect(again.body).toEqual({ deleted: [], unchanged: [first.id] });
    const read = await item(first.id);
    expect(read.state).toBe('skipped');
    expect(read.history.at(-1)).toMatchObject({ from_state: 'pending', to_state: 'skipped', actor: 'user' });
    expect(read.history.at(-1).user_id).not.toBeNull();
    // A change to the record never brings a skipped item back.
    await call(app, studio.tokens.staff, 'PATCH', `/api/v1/sessions/${read.record_id}`, { notes: 'moved?' });
    await advance('2026-11-02T17:00:00Z');
    expect((await item(first.id)).state).toBe('skipped');
  });

  it("deletes a whole trigger's pending items at once", async () => {
    const deleted = await call(app, studio.tokens.staff, 'POST', '/api/v1/queue/delete', {
      trigger_id: remind,
    });
    expect(deleted.body.deleted).toHaveLength(4);
    const groups = await call(app, studio.tokens.staff, 'GET', '/api/v1/queue');
    expect(groups.body.data.map((g: any) => g.name)).toEqual(['B strict']);
  });

  it('expires "Triggered Date is Past" items once their studio-local day is over', async () => {
    // 2 November in New York ends at 05:00Z on the 3rd.
    await advance('2026-11-03T04:59:00Z');
    expect(
      (await call(app, studio.tokens.staff, 'GET', `/api/v1/queue/items?trigger_id=${strict}`)).body.data,
    ).toHaveLength(5);
    const run = await advance('2026-11-03T05:00:00Z');
    expect(run.body.totals.expired).toBe(5);
    const states = await loose(store().db)
      .selectFrom('triggered_items')
      .select(['state', 'reason'])
      .where('trigger_id', '=', strict)
      .execute();
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(['expired']));
    expect(states[0]?.reason).toMatch(/Triggered Date is Past/);
  });

  it('refuses a queue action that does not say which items, naming the fields', async () => {
    const both = await call(app, studio.tokens.staff, 'POST', '/api/v1/queue/skip', {
      trigger_id: remind,
      all: true,
    });
    expect(both.status).toBe(400);
    const bad = await call(app, studio.tokens.staff, 'POST', '/api/v1/queue/skip', {
      item_ids: ['x'],
      everything: 1,
    });
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['everything', 'item_ids']);
  });
});
