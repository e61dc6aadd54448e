import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { recordKind } from '../../src/domain/record-kinds/index.js';
import { baselineCounts } from '../../src/engine/baseline-counts.js';
import { evaluateStudio } from '../../src/engine/evaluate-studio.js';
import { explainTrigger } from '../../src/engine/explain-trigger.js';
import { forecast } from '../../src/engine/forecast.js';
import { changeRecordStatus } from '../../src/store/change-record-status.js';
import { createRecord } from '../../src/store/records.js';
import { forEachDialect } from '../support/dialects.js';
import { makeStudioContext } from '../support/studio-fixture.js';
import { insertTrigger } from '../support/trigger-rows.js';

const actor = { userId: null, source: 'system' } as const;

// The studio is in America/New_York: a date falls due at 05:00Z in winter, 04:00Z in summer.
forEachDialect('explain, forecast and counts of yearly triggers', (store) => {
  const clock = new ManualClock('2026-01-01T12:00:00Z');
  const deps = () => ({ db: store().db, clock });

  /** A fresh studio, so that counts see only this test's clients, with helpers bound to it. */
  const studioWithBirthdays = async () => {
    const studio = await makeStudioContext(store(), clock);
    const create = async (kind: 'client' | 'family_member' | 'status', fields: Record<string, unknown>) =>
      Number((await createRecord(deps(), studio, recordKind(kind), fields, actor)).id);
    const client = (fields: Record<string, unknown>) =>
      create('client', { first_name: 'Grace', last_name: 'Hopper', ...fields });
    const trigger = (date_option: string, fields: Record<string, unknown> = {}) =>
      insertTrigger(store().db, studio.id, clock.now(), {
        trigger_type: 'client_status',
        record_kind: 'client',
        date_option,
        name: 'Birthday',
        ...fields,
      });
    const explain = (triggerId: number, clientId: number) =>
      explainTrigger(store().db, studio, triggerId, clientId, clock.now());
    const counts = (triggerId: number) => baselineCounts(store().db, studio, triggerId, clock.now());
    const evaluate = () => evaluateStudio(store().db, studio, clock.now());
    return { studio, create, client, trigger, explain, counts, evaluate };
  };

  it("explains each year of a 29 February birthday: last year's baselined, this year's on the 28th with its item, next year's ahead", async () => {
    clock.set('2027-01-10T12:00:00Z');
    const s = await studioWithBirthdays();
    const leap = await s.client({ birth_date: '2000-02-29' });
    const triggerId = await s.trigger('birthday');
    clock.set('2027-02-28T05:00:00Z');
    await s.evaluate();
    clock.set('2027-03-01T12:00:00Z');
    const answer = await s.explain(triggerId, leap);
    expect(
      answer.occurrences.map((o) => [
        o.occurrence_key,
        o.anchor_value,
        o.trigger_date,
        o.baselined,
        o.has_come,
      ]),
    ).toEqual([
      [`${leap}@birth_date:2026`, '2026-02-28', '2026-02-28T05:00:00.000Z', true, true],
      [`${leap}@birth_date:2027`, '2027-02-28', '2027-02-28T05:00:00.000Z', false, true],
      [`${leap}@birth_date:2028`, '2028-02-29', '2028-02-29T05:00:00.000Z', false, false],
    ]);
    expect(answer.occurrences.map((o) => o.verdict)).toEqual([
      expect.stringMatching(/^baselined: /),
      expect.stringMatching(/^item \d+ is pending$/),
      'not yet: it falls due at 2028-02-29T05:00:00.000Z',
    ]);
    expect(answer.occurrences[1]?.item?.history).toEqual([
      expect.objectContaining({ to_state: 'pending', reason: 'due: trigger date 2027-02-28T05:00:00.000Z' }),
    ]);
    expect(answer.earlier_items).toEqual([]);
    expect(answer.summary).toBe(
      `Client ${leap} got "Birthday" for 2027-02-28: it is in the queue, pending (trigger date 2027-02-28T05:00:00.000Z).`,
    );
  });

  it('says in words why a birthday did not fire: baselined, entered after its day, or not set', async () => {
    clock.set('2027-03-01T12:00:00Z');
    const s = await studioWithBirthdays();
    const early = await s.client({ birth_date: '1990-02-10' });
    const none = await s.client({});
    const triggerId = await s.trigger('birthday');
    clock.set('2027-03-09T12:00:00Z');
    await s.evaluate();
    clock.set('2027-03-10T12:00:00Z');
    const late = await s.client({ birth_date: '1985-03-05' });
    await s.evaluate();
    expect((await s.explain(triggerId, early)).summary).toBe(
      `Client ${early} did not get "Birthday" for 2027-02-10: it was baselined — it already existed, with its trigger date (2027-02-10T05:00:00.000Z) passed, when the trigger was activated or last changed.`,
    );
    const entered = await s.explain(triggerId, late);
    expect(entered.occurrences.map((o) => [o.anchor_value, o.baselined, o.item])).toEqual([
      ['2027-03-05', false, null],
      ['2028-03-05', false, null],
    ]);
    expect(entered.summary).toBe(
      `Client ${late} did not get "Birthday" for 2027-03-05: its day (2027-03-05T05:00:00.000Z) was over before the date was known (2027-03-10T12:00:00.000Z); next year's falls due.`,
    );
    expect((await s.explain(triggerId, none)).summary).toBe(
      `Client ${none} did not get "Birthday": its birthday is not set.`,
    );
  });

  it('says a year that fell due while the client did not qualify has passed once a later year was caught up', async () => {
    clock.set('2026-01-02T12:00:00Z');
    const s = await studioWithBirthdays();
    const vip = await s.create('status', { kind: 'client', name: 'VIP' });
    const lead = await s.create('status', { kind: 'client', name: 'Lead' });
    const id = await s.client({ birth_date: '1970-01-10', status_id: lead });
    const triggerId = await s.trigger('birthday', { filter_status_id: vip });
    for (const at of ['2026-01-11T12:00:00Z', '2027-01-11T12:00:00Z']) {
      clock.set(at);
      await s.evaluate();
    }
    // Made a VIP in February: this January's birthday is caught up, last January's is not.
    clock.set('2027-02-01T12:00:00Z');
    await changeRecordStatus(deps(), s.studio, recordKind('client'), id, { statusId: vip }, actor);
    clock.advance(60_000);
    expect((await s.evaluate()).queued).toBe(1);
    const answer = await s.explain(triggerId, id);
    expect(answer.occurrences.map((o) => [o.anchor_value, o.verdict])).toEqual([
      ['2025-01-10', expect.stringMatching(/^baselined: /)],
      [
        '2026-01-10',
        'passed: it fell due at 2026-01-10T05:00:00.000Z without an item, and only the latest year (2027-01-10) is caught up',
      ],
      ['2027-01-10', expect.stringMatching(/^item \d+ is pending$/)],
      ['2028-01-10', 'not yet: it falls due at 2028-01-10T05:00:00.000Z'],
    ]);
  });

  it("explains a family member's birthday per family member, on the client", async () => {
    clock.set('2027-05-01T12:00:00Z');
    const s = await studioWithBirthdays();
    const parent = await s.client({});
    const ann = await s.create('family_member', {
      client_id: parent,
      first_name: 'Ann',
      birth_date: '2015-05-05',
    });
    const ben = await s.create('family_member', {
      client_id: parent,
      first_name: 'Ben',
      birth_date: '2018-09-09',
    });
    const triggerId = await s.trigger('family_member_birthday');
    clock.set('2027-05-05T04:00:00Z');
    await s.evaluate();
    clock.set('2027-06-01T12:00:00Z');
    const answer = await s.explain(triggerId, parent);
    expect(answer.occurrences.map((o) => [o.occurrence_key, o.item?.state ?? null])).toEqual([
      [`${parent}/fm${ann}@2026`, null],
      [`${parent}/fm${ann}@2027`, 'pending'],
      [`${parent}/fm${ann}@2028`, null],
      [`${parent}/fm${ben}@2026`, null],
      [`${parent}/fm${ben}@2027`, null],
    ]);
    expect(answer.summary).toBe(
      `Client ${parent} got "Birthday" for 2027-05-05: it is in the queue, pending (trigger date 2027-05-05T04:00:00.000Z).`,
    );
    const childless = await s.client({});
    expect((await s.explain(triggerId, childless)).summary).toBe(
      `Client ${childless} did not get "Birthday": none of its family members has a birth date.`,
    );
  });

  it("counts as baselined each client's latest birthday due by the baseline, unless it was over before the date was known", async () => {
    clock.set('2025-06-01T12:00:00Z');
    const s = await studioWithBirthdays();
    const vip = await s.create('status', { kind: 'client', name: 'VIP' });
    // Known for long: each one's latest birthday by the baseline (this year's, or last year's for
    // a date still ahead) is baselined, whatever its month-day.
    await s.client({ birth_date: '1980-01-05', status_id: vip });
    await s.client({ birth_date: '1980-12-20', status_id: vip });
    await s.client({ birth_date: '1980-03-20' });
    await s.client({ birth_date: '2000-02-29' });
    await s.client({});
    clock.set('2027-03-10T12:00:00Z');
    await s.client({ birth_date: '1980-03-01', status_id: vip }); // its day was over: never fires
    await s.client({ birth_date: '1980-03-12' }); // entered before its day
    clock.set('2027-03-15T16:00:00Z');
    await s.client({ birth_date: '1980-03-15' }); // today, entered at the baseline
    const all = await s.trigger('birthday');
    expect(await s.counts(all)).toEqual({ baselined: 6, due_next_30_days: 1 });
    const vips = await s.trigger('birthday', { filter_status_id: vip });
    expect(await s.counts(vips)).toEqual({ baselined: 2, due_next_30_days: 0 });
    clock.advance(60_000);
    await s.client({ birth_date: '1980-03-14' }); // after the baseline: not covered
    expect(await s.counts(all)).toMatchObject({ baselined: 6 });
  });

  it('counts next year\'s occurrence when an offset brings it before the baseline ("7 days before" 3 January)', async () => {
    clock.set('2026-06-01T12:00:00Z');
    const s = await studioWithBirthdays();
    await s.client({ birth_date: '1985-01-03' });
    const parent = await s.client({});
    await s.create('family_member', { client_id: parent, first_name: 'Kid', birth_date: '2020-01-03' });
    await s.create('family_member', { client_id: parent, first_name: 'Tot', birth_date: '2024-07-01' });
    clock.set('2027-12-26T12:00:00Z');
    await s.client({ birth_date: '1986-01-03' }); // known before its 2028 trigger date, 27 December
    clock.set('2027-12-28T12:00:00Z');
    await s.client({ birth_date: '1987-01-03' }); // known a day after it: never fires
    clock.set('2027-12-30T12:00:00Z');
    const week = { offset_when: 'before', offset_amount: 7, offset_unit: 'days' };
    expect(await s.counts(await s.trigger('birthday', week))).toEqual({ baselined: 2, due_next_30_days: 0 });
    expect(await s.counts(await s.trigger('family_member_birthday', week))).toEqual({
      baselined: 2,
      due_next_30_days: 0,
    });
  });

  it('forecasts the birthdays of the next days, on their local midnight', async () => {
    clock.set('2027-04-01T12:00:00Z');
    const s = await studioWithBirthdays();
    const soon = await s.client({ birth_date: '1990-04-05' });
    await s.client({ birth_date: '1990-05-05' });
    await s.client({ birth_date: '1990-03-05' });
    const triggerId = await s.trigger('birthday');
    const answer = await forecast(store().db, s.studio, clock.now(), { days: 7, triggerId });
    expect(answer).toMatchObject({
      total: 1,
      triggers: [{ trigger_id: triggerId, count: 1, note: null }],
      items: [
        {
          record_kind: 'client',
          record_id: soon,
          occurrence_key: `${soon}@birth_date:2027`,
          anchor_value: '2027-04-05',
          trigger_date: '2027-04-05T04:00:00.000Z',
        },
      ],
    });
  });
});
