import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { loose } from '../../src/store/record-table.js';
import { forEachDialect } from '../support/dialects.js';
import { call, makeServer, makeStudio, type StudioFixture } from '../support/studio-fixture.js';
import { makeStudioRecords, type StudioRecords } from '../support/studio-records.js';
import { insertPendingItem } from '../support/trigger-rows.js';

forEachDialect('the trigger history of a record or a client', (store) => {
  const clock = new ManualClock('2026-03-06T15:00:00Z');
  let app: FastifyInstance;
  let studio: StudioFixture;
  let records: StudioRecords;
  let otherSession: number;
  /** Item ids by what they are on, oldest trigger date first. */
  const items: Record<string, number> = {};

  const list = async (query: string) =>
    call(app, studio.tokens.staff, 'GET', `/api/v1/triggered-items?${query}`);
  const day = (n: number) => new Date(Date.UTC(2026, 2, n, 15));

  beforeAll(async () => {
    app = await makeServer(store(), clock);
    studio = await makeStudio(store(), clock);
    records = await makeStudioRecords(app, studio.tokens.owner, studio.ownerId);
    const owner = studio.tokens.owner;
    const other = (await call(app, owner, 'POST', '/api/v1/clients', { first_name: 'Other', last_name: 'C' }))
      .body.id;
    otherSession = (
      await call(app, owner, 'POST', '/api/v1/sessions', {
        client_id: other,
        session_type_id: records.types.session,
        start: '2026-04-01T15:00:00Z',
      })
    ).body.id;
    const db = store().db;
    const add = async (name: string, kind: string, id: number, on: number) => {
      items[name] = await insertPendingItem(db, studio.studio.id, records.triggerId, id, day(on), kind);
    };
    await add('client', 'client', records.ids.client, 1);
    await add('session', 'session', records.ids.session, 2);
    await add('productionOrder', 'production_order', records.ids.production_order, 3);
    await add('familyMember', 'family_member', records.ids.family_member, 4);
    await add('otherSession', 'session', otherSession, 5);
    await add('sessionAgain', 'session', records.ids.session, 6);
    // Processing the session's first item later: its last transition is that one, by SMS.
    await loose(db)
      .updateTable('triggered_items')
      .set({ state: 'processed', channel_used: 'sms' })
      .where('id', '=', items.session as number)
      .execute();
    await loose(db)
      .insertInto('triggered_item_transitions')
      .values({
        studio_id: studio.studio.id,
        item_id: items.session,
        at: '2026-03-09T12:00:00.000Z',
        from_state: 'pending',
        to_state: 'processed',
        actor: 'user',
        user_id: studio.ownerId,
        reason: 'processed from the queue',
      })
      .execute();
  });

  it("lists one record's items, newest trigger date first, with the trigger's name and last change", async () => {
    const answer = await list(`record_kind=session&record_id=${records.ids.session}`);
    expect(answer.status).toBe(200);
    expect(answer.body.data.map((i: { id: number }) => i.id)).toEqual([items.sessionAgain, items.session]);
    const trigger = (await call(app, studio.tokens.staff, 'GET', `/api/v1/triggers/${records.triggerId}`))
      .body;
    expect(answer.body.data[1]).toEqual({
      id: items.session,
      trigger_id: records.triggerId,
      trigger_name: trigger.name,
      record_kind: 'session',
      record_id: records.ids.session,
      state: 'processed',
      reason: null,
      trigger_date: day(2).toISOString(),
      channel_used: 'sms',
      last_transition_at: '2026-03-09T12:00:00.000Z',
    });
    expect(answer.body.next_cursor).toBeNull();
  });

  it('lists a client’s items with those of every record that leads to it, and no other client’s', async () => {
    const answer = await list(`client_id=${records.ids.client}`);
    expect(answer.body.data.map((i: { id: number }) => i.id)).toEqual([
      items.sessionAgain,
      items.familyMember,
      items.productionOrder,
      items.session,
      items.client,
    ]);
  });

  it('narrows to one state', async () => {
    const answer = await list(`client_id=${records.ids.client}&state=processed`);
    expect(answer.body.data.map((i: { id: number }) => i.id)).toEqual([items.session]);
  });

  it('pages through the history, each item exactly once, in order', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: any } = await list(
        `client_id=${records.ids.client}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((i: { id: number }) => i.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual([
      items.sessionAgain,
      items.familyMember,
      items.productionOrder,
      items.session,
      items.client,
    ]);
  });

  it('answers an empty history for a record that has no items', async () => {
    const answer = await list(`record_kind=invoice&record_id=${records.ids.invoice}`);
    expect(answer.body).toEqual({ data: [], next_cursor: null });
  });

  it('refuses a query it cannot answer, naming each parameter and its problem', async () => {
    const alone = await list('record_kind=session');
    expect(alone.status).toBe(400);
    expect(alone.body.details).toEqual([{ path: 'record_id', problem: 'is required with record_kind' }]);
    const bad = await list(`record_kind=galaxy&record_id=x&client_id=1&state=lost&limit=0&cursor=nope`);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'client_id',
      'cursor',
      'limit',
      'record_id',
      'record_kind',
      'state',
    ]);
    expect((await list(`record_id=${otherSession}`)).body.details).toEqual([
      { path: 'record_kind', problem: 'is required with record_id' },
    ]);
  });

  it('lists what was sent about one record, and refuses record_kind without record_id', async () => {
    const db = store().db;
    const at = clock.now().toISOString();
    const sent = await loose(db)
      .insertInto('communications')
      .values({
        studio_id: studio.studio.id,
        channel: 'sms',
        direction: 'outbound',
        purpose: 'message',
        record_kind: 'session',
        record_id: records.ids.session,
        client_id: records.ids.client,
        to_address: '+12025550100',
        body_text: 'See you soon',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const base = '/api/v1/communications?record_kind=session';
    const about = await call(app, studio.tokens.staff, 'GET', `${base}&record_id=${records.ids.session}`);
    expect(about.body.data.map((c: { id: number }) => c.id)).toEqual([Number(sent.id)]);
    const other = await call(app, studio.tokens.staff, 'GET', `${base}&record_id=${otherSession}`);
    expect(other.body.data).toEqual([]);
    const alone = await call(app, studio.tokens.staff, 'GET', base);
    expect(alone.status).toBe(400);
    expect(alone.body.details).toEqual([{ path: 'record_id', problem: 'is required with record_kind' }]);
  });
});
