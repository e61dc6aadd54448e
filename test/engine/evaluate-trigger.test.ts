import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { recordKind } from '../../src/domain/record-kinds/index.js';
import { evaluateStudio } from '../../src/engine/evaluate-studio.js';
import { changeRecordStatus } from '../../src/store/change-record-status.js';
import { loose } from '../../src/store/record-table.js';
import { createRecord, updateRecord } from '../../src/store/records.js';
import { loadStudioContext, type StudioContext } from '../../src/store/studio-context.js';
import { forEachDialect } from '../support/dialects.js';
import { makeStudio } from '../support/studio-fixture.js';
import { insertTrigger, triggerItems } from '../support/trigger-rows.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const actor = { userId: null, source: 'system' } as const;

forEachDialect('trigger evaluation', (store) => {
  const clock = new ManualClock('2026-03-01T15:00:00Z');
  let studio: StudioContext;
  let clientId: number;
  let typeId: number;
  const deps = () => ({ db: store().db, clock });

  beforeAll(async () => {
    const fixture = await makeStudio(store(), clock);
    studio = (await loadStudioContext(store().db, fixture.studio.id)) as StudioContext;
    typeId = Number(
      (await createRecord(deps(), studio, recordKind('type'), { kind: 'session', name: 'Portrait' }, actor))
        .id,
    );
    clientId = Number(
      (
        await createRecord(
          deps(),
          studio,
          recordKind('client'),
          { first_name: 'Ada', last_name: 'Lovelace' },
          actor,
        )
      ).id,
    );
  });

  const session = async (start: string, extra: Record<string, unknown> = {}) =>
    Number(
      (
        await createRecord(
          deps(),
          studio,
          recordKind('session'),
          { client_id: clientId, session_type_id: typeId, start, ...extra },
          actor,
        )
      ).id,
    );
  const evaluate = () => evaluateStudio(store().db, studio, clock.now());
  const items = (triggerId: number) => triggerItems(store().db, triggerId);
  const newTrigger = (fields: Record<string, unknown> & { trigger_type: string; date_option: string }) =>
    insertTrigger(store().db, studio.id, clock.now(), fields);
  /** Deactivates every trigger so that each test counts only its own. */
  const quiet = () => loose(store().db).updateTable('triggers').set({ is_active: 0 }).execute();

  it('queues "2 days before session start" at that instant, once, however often it runs', async () => {
    await quiet();
    clock.set('2026-03-01T15:00:00Z');
    const triggerId = await newTrigger({
      trigger_type: 'session_type',
      date_option: 'session_start',
      offset_when: 'before',
      offset_amount: 2,
      offset_unit: 'days',
    });
    // Tuesday 10 March 2026 14:00 EDT; two days before is Sunday 8 March 14:00 EDT, after the change.
    const id = await session('2026-03-10T14:00:00-04:00');
    clock.set('2026-03-08T17:59:00Z');
    expect((await evaluate()).queued).toBe(0);
    clock.set('2026-03-08T18:00:00Z');
    expect((await evaluate()).queued).toBe(1);
    expect((await evaluate()).queued).toBe(0);
    // Nothing changed and no anchor lies near the next minute's window: the pass reads nothing.
    clock.advance(DAY);
    await evaluate();
    clock.advance(60_000);
    expect((await evaluate()).examined).toBe(0);
    const [item] = await items(triggerId);
    expect(item).toMatchObject({ record_id: id, state: 'pending', trigger_date: '2026-03-08T18:00:00.000Z' });
  });

  it('never fires for occurrences that existed before the trigger (baseline), but catches up new ones', async () => {
    await quiet();
    clock.set('2026-04-01T12:00:00Z');
    const old = await session('2026-04-02T12:00:00Z');
    clock.set('2026-04-01T13:00:00Z');
    const triggerId = await newTrigger({
      trigger_type: 'session_type',
      date_option: 'session_start',
      offset_when: 'before',
      offset_amount: 2,
      offset_unit: 'days',
    });
    clock.advance(HOUR);
    // Booked after the trigger, already inside its reminder window: due at once.
    const late = await session('2026-04-02T18:00:00Z');
    clock.advance(HOUR);
    await evaluate();
    expect((await items(triggerId)).map((i) => i.record_id)).toEqual([late]);
    expect((await items(triggerId)).map((i) => i.record_id)).not.toContain(old);
  });

  it('withdraws the pending item of a rescheduled session and queues the new date when it comes', async () => {
    await quiet();
    clock.set('2026-05-01T12:00:00Z');
    const triggerId = await newTrigger({
      trigger_type: 'session_type',
      date_option: 'session_start',
      offset_when: 'before',
      offset_amount: 1,
      offset_unit: 'days',
    });
    const id = await session('2026-05-03T12:00:00Z');
    clock.set('2026-05-02T12:00:00Z');
    await evaluate();
    clock.advance(HOUR);
    await updateRecord(deps(), studio, recordKind('session'), id, { start: '2026-05-10T12:00:00Z' }, actor);
    clock.advance(HOUR);
    expect((await evaluate()).withdrawn).toBe(1);
    clock.set('2026-05-09T12:00:00Z');
    await evaluate();
    const all = await items(triggerId);
    expect(all.map((i) => [i.anchor_value, i.state])).toEqual([
      ['2026-05-03T12:00:00.000Z', 'withdrawn'],
      ['2026-05-10T12:00:00.000Z', 'pending'],
    ]);
    expect(all[0]?.reason).toMatch(/^anchor changed: Start moved from/);
  });

  it('keeps an on-hold session out of the queue and lets it back when taken off hold', async () => {
    await quiet();
    clock.set('2026-06-01T12:00:00Z');
    const triggerId = await newTrigger({
      trigger_type: 'session_type',
      date_option: 'session_start',
      offset_when: 'before',
      offset_amount: 3,
      offset_unit: 'hours',
      exclusions: JSON.stringify({ on_hold: true }),
    });
    const id = await session('2026-06-02T12:00:00Z');
    clock.set('2026-06-02T09:00:00Z');
    await evaluate();
    clock.advance(60_000);
    await updateRecord(deps(), studio, recordKind('session'), id, { on_hold: true }, actor);
    clock.advance(60_000);
    await evaluate();
    expect((await items(triggerId))[0]).toMatchObject({
      state: 'withdrawn',
      reason: 'excluded: the session is on hold',
    });
    clock.advance(60_000);
    await updateRecord(deps(), studio, recordKind('session'), id, { on_hold: false }, actor);
    clock.advance(60_000);
    expect((await evaluate()).restored).toBe(1);
    expect((await items(triggerId))[0]?.state).toBe('pending');
    const history = await loose(store().db)
      .selectFrom('triggered_item_transitions')
      .select(['from_state', 'to_state', 'actor'])
      .where('item_id', '=', (await items(triggerId))[0]?.id)
      .orderBy('id')
      .execute();
    expect(history.map((h) => `${h.from_state ?? '∅'}→${h.to_state}`)).toEqual([
      '∅→pending',
      'pending→withdrawn',
      'withdrawn→pending',
    ]);
  });

  it('fires a status trigger once per stay in the status, and withdraws it when the record leaves', async () => {
    await quiet();
    clock.set('2026-07-01T12:00:00Z');
    const kind = recordKind('status');
    const booked = Number(
      (await createRecord(deps(), studio, kind, { kind: 'session', name: 'Booked' }, actor)).id,
    );
    const done = Number(
      (await createRecord(deps(), studio, kind, { kind: 'session', name: 'Done' }, actor)).id,
    );
    const triggerId = await newTrigger({
      trigger_type: 'session_status',
      date_option: 'status_entered',
      filter_status_id: booked,
      offset_when: 'after',
      offset_amount: 30,
      offset_unit: 'minutes',
    });
    const id = await session('2026-07-20T12:00:00Z');
    const sessions = recordKind('session');
    clock.advance(HOUR);
    await changeRecordStatus(deps(), studio, sessions, id, { statusId: booked }, actor);
    clock.advance(29 * 60_000);
    expect((await evaluate()).queued).toBe(0);
    clock.advance(60_000);
    expect((await evaluate()).queued).toBe(1);
    clock.advance(HOUR);
    await changeRecordStatus(deps(), studio, sessions, id, { statusId: done }, actor);
    clock.advance(60_000);
    expect((await evaluate()).withdrawn).toBe(1);
    await changeRecordStatus(deps(), studio, sessions, id, { statusId: booked }, actor);
    clock.advance(DAY);
    expect((await evaluate()).queued).toBe(1);
    expect((await items(triggerId)).map((i) => i.state)).toEqual(['withdrawn', 'pending']);
  });

  it('catches up after downtime, except what "Triggered Date is Past" lets expire', async () => {
    await quiet();
    clock.set('2026-08-01T12:00:00Z');
    const base = { trigger_type: 'session_type', date_option: 'session_start', offset_when: 'on' };
    const catchUp = await newTrigger(base);
    const strict = await newTrigger({ ...base, exclusions: JSON.stringify({ date_is_past: true }) });
    await session('2026-08-03T16:00:00Z'); // Monday noon in New York
    await session('2026-08-05T16:00:00Z'); // Wednesday noon
    // Nothing runs until Wednesday 13:00 New York time.
    clock.set('2026-08-05T17:00:00Z');
    await evaluate();
    expect((await items(catchUp)).length).toBe(2);
    expect((await items(strict)).map((i) => i.anchor_value)).toEqual(['2026-08-05T16:00:00.000Z']);
  });

  it('falls due at studio-local midnight for a status due date', async () => {
    await quiet();
    clock.set('2026-09-04T14:00:00Z'); // Friday 10:00 in New York
    const status = Number(
      (
        await createRecord(
          deps(),
          studio,
          recordKind('status'),
          { kind: 'session', name: 'Proofing', duration_days: 1 },
          actor,
        )
      ).id,
    );
    const triggerId = await newTrigger({
      trigger_type: 'session_status',
      date_option: 'status_due_date',
      filter_status_id: status,
    });
    const id = await session('2026-09-30T14:00:00Z');
    await changeRecordStatus(deps(), studio, recordKind('session'), id, { statusId: status }, actor);
    // Due Monday 7 September (one business day after Friday); midnight EDT is 04:00Z.
    clock.set('2026-09-07T03:59:00Z');
    expect((await evaluate()).queued).toBe(0);
    clock.set('2026-09-07T04:00:00Z');
    expect((await evaluate()).queued).toBe(1);
    expect((await items(triggerId))[0]?.trigger_date).toBe('2026-09-07T04:00:00.000Z');
  });

  it('queues each occurrence once and writes one transition when two passes run at once', async () => {
    await quiet();
    clock.set('2026-10-01T12:00:00Z');
    const triggerId = await newTrigger({ trigger_type: 'session_type', date_option: 'booked_date' });
    clock.advance(60_000);
    for (let i = 0; i < 20; i += 1)
      await session(`2026-10-${String(10 + (i % 10)).padStart(2, '0')}T15:00:00Z`);
    clock.advance(60_000);
    const [a, b] = await Promise.all([evaluate(), evaluate()]);
    expect((a?.queued ?? 0) + (b?.queued ?? 0)).toBe(20);
    const all = await items(triggerId);
    expect(all).toHaveLength(20);
    const transitions = await loose(store().db)
      .selectFrom('triggered_item_transitions')
      .select('item_id')
      .where(
        'item_id',
        'in',
        all.map((i) => i.id),
      )
      .execute();
    expect(transitions).toHaveLength(20);
  });

  it("reads the booking flags of an invoice's session for the canceled exclusion", async () => {
    await quiet();
    clock.set('2026-12-01T12:00:00Z');
    const triggerId = await newTrigger({
      trigger_type: 'invoice_status',
      record_kind: 'invoice',
      date_option: 'invoice_date',
      exclusions: JSON.stringify({ canceled: true }),
    });
    clock.advance(60_000);
    const invoices = recordKind('invoice');
    const invoiceFor = async (sessionId: number) =>
      Number(
        (
          await createRecord(
            deps(),
            studio,
            invoices,
            { client_id: clientId, session_id: sessionId, invoice_date: '2026-12-03' },
            actor,
          )
        ).id,
      );
    const kept = await invoiceFor(await session('2026-12-20T15:00:00Z'));
    await invoiceFor(await session('2026-12-21T15:00:00Z', { canceled: true }));
    clock.set('2026-12-03T06:00:00Z');
    await evaluate();
    expect((await items(triggerId)).map((i) => i.record_id)).toEqual([kept]);
  });
});
