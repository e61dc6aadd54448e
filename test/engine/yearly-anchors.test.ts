import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { recordKind } from '../../src/domain/record-kinds/index.js';
import { evaluateStudio } from '../../src/engine/evaluate-studio.js';
import { loose } from '../../src/store/record-table.js';
import { createRecord, deleteRecord, updateRecord } from '../../src/store/records.js';
import { loadStudioContext, type StudioContext } from '../../src/store/studio-context.js';
import { forEachDialect } from '../support/dialects.js';
import { makeStudio } from '../support/studio-fixture.js';
import { insertTrigger } from '../support/trigger-rows.js';

const DAY = 24 * 3_600_000;
const actor = { userId: null, source: 'system' } as const;

// The studio is in America/New_York. Tests run in calendar order, each on its own month-days, so
// that no test's records look "changed since the last pass" to a later one.
forEachDialect('yearly anchors', (store) => {
  const clock = new ManualClock('2026-03-01T15:00:00Z');
  let studio: StudioContext;
  const deps = () => ({ db: store().db, clock });

  beforeAll(async () => {
    const fixture = await makeStudio(store(), clock);
    studio = (await loadStudioContext(store().db, fixture.studio.id)) as StudioContext;
  });

  const create = async (kind: Parameters<typeof recordKind>[0], fields: Record<string, unknown>) =>
    Number((await createRecord(deps(), studio, recordKind(kind), fields, actor)).id);
  const client = (fields: Record<string, unknown>) =>
    create('client', { first_name: 'Grace', last_name: 'Hopper', ...fields });
  const evaluate = () => evaluateStudio(store().db, studio, clock.now());
  const items = async (triggerId: number, recordId?: number) =>
    (
      (await loose(store().db)
        .selectFrom('triggered_items')
        .selectAll()
        .where('trigger_id', '=', triggerId)
        .orderBy('id')
        .execute()) as Record<string, any>[]
    ).filter((i) => recordId === undefined || Number(i.record_id) === recordId);
  const newTrigger = async (date_option: string, fields: Record<string, unknown> = {}) => {
    await loose(store().db).updateTable('triggers').set({ is_active: 0 }).execute();
    return insertTrigger(store().db, studio.id, clock.now(), {
      trigger_type: 'client_status',
      record_kind: 'client',
      date_option,
      ...fields,
    });
  };

  it('fires only for clients in the chosen status now', async () => {
    clock.set('2026-03-01T15:00:00Z');
    const vip = await create('status', { kind: 'client', name: 'VIP' });
    const lead = await create('status', { kind: 'client', name: 'Lead' });
    const a = await client({ birth_date: '1980-03-20', status_id: vip });
    await client({ birth_date: '1980-03-20', status_id: lead });
    const triggerId = await newTrigger('birthday', { filter_status_id: vip });
    clock.set('2026-03-20T04:00:00Z'); // midnight EDT
    expect((await evaluate()).queued).toBe(1);
    expect((await items(triggerId)).map((i) => Number(i.record_id))).toEqual([a]);
  });

  it("queues one item per family member's birthday, on the client, and withdraws a deleted one's", async () => {
    clock.set('2026-06-01T12:00:00Z');
    const parent = await client({});
    const first = await create('family_member', {
      client_id: parent,
      first_name: 'Ann',
      birth_date: '2015-06-05',
    });
    const second = await create('family_member', {
      client_id: parent,
      first_name: 'Ben',
      birth_date: '2018-06-05',
    });
    const triggerId = await newTrigger('family_member_birthday');
    clock.set('2026-06-05T03:59:00Z');
    expect((await evaluate()).queued).toBe(0);
    clock.set('2026-06-05T04:00:00Z');
    expect((await evaluate()).queued).toBe(2);
    expect(
      (await items(triggerId)).map((i) => [i.record_kind, Number(i.record_id), i.occurrence_key]),
    ).toEqual([
      ['client', parent, `${parent}/fm${first}@2026`],
      ['client', parent, `${parent}/fm${second}@2026`],
    ]);
    clock.advance(60_000);
    await deleteRecord(deps(), studio, recordKind('family_member'), second);
    clock.advance(60_000);
    expect((await evaluate()).withdrawn).toBe(1);
    expect((await items(triggerId)).map((i) => [i.state, i.reason])).toEqual([
      ['pending', null],
      ['withdrawn', 'the family member was deleted'],
    ]);
  });

  it('withdraws the pending birthday of a client whose birth date changed, and restores it when changed back', async () => {
    clock.set('2026-08-01T12:00:00Z');
    const id = await client({ birth_date: '1991-08-15' });
    const triggerId = await newTrigger('birthday');
    clock.set('2026-08-15T04:00:00Z');
    expect((await evaluate()).queued).toBe(1);
    clock.advance(60_000);
    await updateRecord(deps(), studio, recordKind('client'), id, { birth_date: '1991-08-25' }, actor);
    clock.advance(60_000);
    expect((await evaluate()).withdrawn).toBe(1);
    expect((await items(triggerId))[0]?.reason).toBe(
      'anchor changed: Birth date moved from 2026-08-15 to 2026-08-25',
    );
    clock.advance(60_000);
    await updateRecord(deps(), studio, recordKind('client'), id, { birth_date: '1991-08-15' }, actor);
    clock.advance(60_000);
    expect((await evaluate()).restored).toBe(1);
  });

  it('fires "7 days before" a 3 January birthday in late December of the year before', async () => {
    clock.set('2026-12-01T12:00:00Z');
    const id = await client({ birth_date: '1985-01-03' });
    const triggerId = await newTrigger('birthday', {
      offset_when: 'before',
      offset_amount: 7,
      offset_unit: 'days',
    });
    clock.set('2026-12-27T04:59:00Z');
    expect((await evaluate()).queued).toBe(0);
    clock.set('2026-12-27T05:00:00Z'); // midnight EST
    expect((await evaluate()).queued).toBe(1);
    expect((await items(triggerId))[0]).toMatchObject({
      occurrence_key: `${id}@birth_date:2027`,
      anchor_value: '2027-01-03',
      trigger_date: '2026-12-27T05:00:00.000Z',
    });
  });

  it('fires a 29 February birthday on 28 February in 2027 and on 29 February in 2028', async () => {
    clock.set('2027-02-01T12:00:00Z');
    const id = await client({ birth_date: '2000-02-29' });
    const triggerId = await newTrigger('birthday');
    clock.set('2027-02-28T05:00:00Z');
    expect((await evaluate()).queued).toBe(1);
    clock.set('2028-02-28T05:00:00Z');
    await evaluate();
    expect((await items(triggerId, id)).map((i) => i.anchor_value)).toEqual(['2027-02-28']);
    clock.set('2028-02-29T05:00:00Z');
    await evaluate();
    expect((await items(triggerId, id)).map((i) => [i.anchor_value, i.trigger_date])).toEqual([
      ['2027-02-28', '2027-02-28T05:00:00.000Z'],
      ['2028-02-29', '2028-02-29T05:00:00.000Z'],
    ]);
  });

  it("does not fire a birthday that passed before the trigger existed, but fires next year's", async () => {
    clock.set('2028-01-05T12:00:00Z');
    const id = await client({ birth_date: '1970-03-10' });
    clock.set('2028-04-01T12:00:00Z');
    const triggerId = await newTrigger('birthday');
    clock.advance(DAY);
    await updateRecord(deps(), studio, recordKind('client'), id, { first_name: 'Amazing' }, actor);
    // Entered after this year's birthday had passed: that birthday is not "missed", it was never
    // known in time, so it does not fire; next year's does.
    const late = await client({ birth_date: '1980-03-25' });
    clock.advance(60_000);
    await evaluate();
    expect((await items(triggerId, id)).length).toBe(0);
    expect((await items(triggerId, late)).length).toBe(0);
    clock.set('2029-03-10T05:00:00Z');
    await evaluate();
    expect((await items(triggerId, id)).map((i) => i.occurrence_key)).toEqual([`${id}@birth_date:2029`]);
    clock.set('2029-03-25T05:00:00Z');
    await evaluate();
    expect((await items(triggerId, late)).map((i) => i.occurrence_key)).toEqual([`${late}@birth_date:2029`]);
  });

  it('fires an anniversary at local midnight once a year, and a quiet pass examines nothing', async () => {
    clock.set('2029-05-01T12:00:00Z');
    const id = await client({ anniversary: '2010-05-10' });
    const triggerId = await newTrigger('anniversary');
    clock.set('2029-05-09T12:00:00Z');
    await evaluate();
    clock.set('2029-05-10T03:59:00Z');
    expect((await evaluate()).queued).toBe(0);
    clock.set('2029-05-10T04:00:00Z');
    expect((await evaluate()).queued).toBe(1);
    expect((await evaluate()).queued).toBe(0);
    // Date anchors are selected a day wide on each side (time zones): two days on, none is near.
    clock.advance(2 * DAY);
    await evaluate();
    clock.advance(60_000);
    expect((await evaluate()).examined).toBe(0);
    clock.set('2030-05-10T04:00:00Z');
    await evaluate();
    expect((await items(triggerId, id)).map((i) => [i.occurrence_key, i.trigger_date])).toEqual([
      [`${id}@anniversary:2029`, '2029-05-10T04:00:00.000Z'],
      [`${id}@anniversary:2030`, '2030-05-10T04:00:00.000Z'],
    ]);
  });
});
