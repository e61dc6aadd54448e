import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { recordKind } from '../../src/domain/record-kinds/index.js';
import { EMAIL_EVENTS } from '../../src/domain/triggers/trigger-definition.js';
import { evaluateStudio } from '../../src/engine/evaluate-studio.js';
import { recordEmailEvent } from '../../src/store/email-events.js';
import { recordInboundSms } from '../../src/store/inbound-sms.js';
import { loose } from '../../src/store/record-table.js';
import { createRecord, deleteRecord } from '../../src/store/records.js';
import type { StudioContext } from '../../src/store/studio-context.js';
import { insertEmail } from '../support/communications.js';
import { forEachDialect } from '../support/dialects.js';
import { makeStudioContext } from '../support/studio-fixture.js';
import { insertTrigger, triggerItems } from '../support/trigger-rows.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const actor = { userId: null, source: 'system' } as const;

// The studio is in America/New_York. Each test starts later than the one before and makes its own
// clients and triggers (switching the others off), so that earlier events are history to it.
forEachDialect('event anchors: email events and incoming keywords', (store) => {
  const clock = new ManualClock('2026-04-01T14:00:00Z');
  let studio: StudioContext;
  const deps = () => ({ db: store().db, clock });

  beforeAll(async () => {
    studio = await makeStudioContext(store(), clock);
  });

  const client = async () =>
    Number(
      (
        await createRecord(
          deps(),
          studio,
          recordKind('client'),
          { first_name: 'Ada', last_name: 'Byron' },
          actor,
        )
      ).id,
    );
  const emailType = async (name: string) =>
    Number((await createRecord(deps(), studio, recordKind('type'), { kind: 'email', name }, actor)).id);
  const evaluate = () => evaluateStudio(store().db, studio, clock.now());
  const items = (triggerId: number) => triggerItems(store().db, triggerId);
  const onlyTriggers = async () => loose(store().db).updateTable('triggers').set({ is_active: 0 }).execute();
  const eventTrigger = (fields: Record<string, unknown> & { trigger_type: string; date_option: string }) =>
    insertTrigger(store().db, studio.id, clock.now(), { record_kind: 'client', ...fields });
  const emailTrigger = (email_event: string, fields: Record<string, unknown> = {}) =>
    eventTrigger({ trigger_type: 'email_records', date_option: 'event_time', email_event, ...fields });
  const keywordTrigger = (keyword: string, fields: Record<string, unknown> = {}) =>
    eventTrigger({ trigger_type: 'sms_keyword', date_option: 'received', keyword, ...fields });
  /** An email event that happened `ago` ms before now, reported now. */
  const emailEvent = async (clientId: number | null, event: string, ago = 0, communicationId?: number) =>
    (
      await recordEmailEvent(
        store().db,
        studio.id,
        {
          event: event as 'opened',
          occurredAt: new Date(clock.now().getTime() - ago).toISOString(),
          clientId,
          communicationId: communicationId ?? null,
        },
        clock.now(),
      )
    ).id;
  const sms = (clientId: number | null, body: string) =>
    recordInboundSms(
      store().db,
      studio.id,
      { clientId, from: '+12125550142', to: '+12125550100', body },
      clock.now(),
    );

  it('fires each email event kind its own trigger, once per event, on the client', async () => {
    clock.set('2026-04-01T14:00:00Z');
    await onlyTriggers();
    const triggers = new Map<string, number>();
    for (const event of EMAIL_EVENTS) triggers.set(event, await emailTrigger(event));
    const ada = await client();
    clock.advance(MINUTE);
    const events = new Map<string, number>();
    for (const event of EMAIL_EVENTS) events.set(event, await emailEvent(ada, event));
    clock.advance(MINUTE);
    expect((await evaluate()).queued).toBe(EMAIL_EVENTS.length);
    for (const event of EMAIL_EVENTS) {
      expect(await items(triggers.get(event) as number), event).toEqual([
        expect.objectContaining({
          record_kind: 'client',
          record_id: ada,
          occurrence_key: `ee:${events.get(event)}`,
          anchor_value: '2026-04-01T14:01:00.000Z',
          trigger_date: '2026-04-01T14:01:00.000Z',
          state: 'pending',
        }),
      ]);
    }
    clock.advance(MINUTE);
    expect((await evaluate()).queued).toBe(0);
    // Events are read by index near the window (two hours wide for wall-clock shifts): once past
    // it, a quiet pass reads none.
    clock.advance(3 * HOUR);
    await evaluate();
    clock.advance(MINUTE);
    expect(await evaluate()).toMatchObject({ queued: 0, examined: 0 });
    // A second open of the same email is another event, and another occurrence.
    await emailEvent(ada, 'opened');
    clock.advance(MINUTE);
    expect((await evaluate()).queued).toBe(1);
    expect(await items(triggers.get('opened') as number)).toHaveLength(2);
  });

  it('fires an event stamped just before a pass that was written only after it', async () => {
    clock.set('2026-04-01T20:00:00Z');
    await onlyTriggers();
    const triggerId = await emailTrigger('bounced');
    const ada = await client();
    clock.advance(3 * HOUR);
    await evaluate();
    // A webhook's transaction took its time before the pass and committed after it: its row says a
    // minute before the pass, and the bounce itself (after the trigger existed) lies hours before
    // the window.
    const late = await recordEmailEvent(
      store().db,
      studio.id,
      { event: 'bounced', occurredAt: '2026-04-01T20:30:00Z', clientId: ada },
      new Date(clock.now().getTime() - MINUTE),
    );
    clock.advance(MINUTE);
    await evaluate();
    expect((await items(triggerId)).map((i) => i.occurrence_key)).toEqual([`ee:${late.id}`]);
  });

  it('fires an email type filter only for events of emails of that type', async () => {
    clock.set('2026-04-02T14:00:00Z');
    await onlyTriggers();
    const newsletter = await emailType('Newsletter');
    const receipt = await emailType('Receipt');
    const ada = await client();
    const triggerId = await emailTrigger('clicked', { filter_type_id: newsletter });
    clock.advance(MINUTE);
    const fromNewsletter = await emailEvent(
      ada,
      'clicked',
      0,
      await insertEmail(store().db, studio.id, ada, newsletter, clock.now()),
    );
    await emailEvent(ada, 'clicked', 0, await insertEmail(store().db, studio.id, ada, receipt, clock.now()));
    await emailEvent(ada, 'clicked', 0, await insertEmail(store().db, studio.id, ada, null, clock.now()));
    await emailEvent(ada, 'clicked');
    clock.advance(MINUTE);
    await evaluate();
    expect((await items(triggerId)).map((i) => i.occurrence_key)).toEqual([`ee:${fromNewsletter}`]);
  });

  it('fires an incoming keyword whatever its case and end punctuation, only as the first word', async () => {
    clock.set('2026-04-03T14:00:00Z');
    await onlyTriggers();
    const ada = await client();
    const triggerId = await keywordTrigger('MINI');
    clock.advance(MINUTE);
    const fired = [
      await sms(ada, 'mini'),
      await sms(ada, ' Mini! Is Saturday free?'),
      await sms(ada, '"MINI"'),
    ];
    for (const body of ['please mini', 'mini-session', 'minis', 'STOP']) await sms(ada, body);
    clock.advance(MINUTE);
    expect((await evaluate()).queued).toBe(3);
    expect((await items(triggerId)).map((i) => [i.record_id, i.occurrence_key, i.anchor_value])).toEqual(
      fired.map((id) => [ada, `sms:${id}`, '2026-04-03T14:01:00.000Z']),
    );
  });

  it('starts nothing for an SMS from an unknown sender', async () => {
    clock.set('2026-04-04T14:00:00Z');
    await onlyTriggers();
    const triggerId = await keywordTrigger('MINI');
    clock.advance(MINUTE);
    await sms(null, 'MINI');
    await emailEvent(null, 'opened');
    clock.advance(MINUTE);
    expect(await evaluate()).toMatchObject({ queued: 0, examined: 0 });
    expect(await items(triggerId)).toEqual([]);
  });

  it('never fires events at or before the baseline, however late they are reported; later ones fire', async () => {
    clock.set('2026-04-05T14:00:00Z');
    await onlyTriggers();
    const ada = await client();
    await emailEvent(ada, 'opened', 7 * DAY); // last week's open, known when the trigger is made
    await sms(ada, 'MINI');
    clock.advance(MINUTE);
    const opened = await emailTrigger('opened');
    const keyword = await keywordTrigger('MINI');
    const atBaseline = await emailEvent(ada, 'opened', 0); // happened at the very baseline
    clock.advance(MINUTE);
    await emailEvent(ada, 'opened', 2 * MINUTE); // happened before the baseline, reported a minute after
    const after = await emailEvent(ada, 'opened', 30_000);
    const reply = await sms(ada, 'mini');
    clock.advance(MINUTE);
    expect((await evaluate()).queued).toBe(2);
    expect((await items(opened)).map((i) => i.occurrence_key)).toEqual([`ee:${after}`]);
    expect((await items(keyword)).map((i) => i.occurrence_key)).toEqual([`sms:${reply}`]);
    expect(atBaseline).toBeLessThan(after);
  });

  it('catches up events received while nothing ran, each once, except those "Triggered Date is Past" expires', async () => {
    clock.set('2026-04-06T14:00:00Z');
    await onlyTriggers();
    const ada = await client();
    const catchUp = await keywordTrigger('MINI');
    const todayOnly = await keywordTrigger('MINI', { exclusions: JSON.stringify({ date_is_past: true }) });
    await evaluate();
    // The server is down for three days; replies keep arriving.
    for (let day = 0; day < 3; day += 1) {
      clock.advance(DAY);
      await sms(ada, 'mini');
    }
    clock.advance(HOUR);
    expect((await evaluate()).queued).toBe(3 + 1);
    expect((await items(catchUp)).map((i) => i.trigger_date)).toEqual([
      '2026-04-07T14:00:00.000Z',
      '2026-04-08T14:00:00.000Z',
      '2026-04-09T14:00:00.000Z',
    ]);
    expect((await items(todayOnly)).map((i) => i.trigger_date)).toEqual(['2026-04-09T14:00:00.000Z']);
    clock.advance(MINUTE);
    expect((await evaluate()).queued).toBe(0);
  });

  it('queues an event reported after the pass that its time belongs to', async () => {
    clock.set('2026-04-10T14:00:00Z');
    await onlyTriggers();
    const ada = await client();
    const triggerId = await emailTrigger('bounced');
    clock.advance(10 * MINUTE);
    await evaluate();
    clock.advance(MINUTE);
    // Bounced 5 minutes before the last pass; the provider tells us only now.
    const late = await emailEvent(ada, 'bounced', 6 * MINUTE);
    clock.advance(MINUTE);
    expect((await evaluate()).queued).toBe(1);
    expect(await items(triggerId)).toEqual([
      expect.objectContaining({ occurrence_key: `ee:${late}`, trigger_date: '2026-04-10T14:05:00.000Z' }),
    ]);
  });

  it('falls due an offset after the event, and never before it', async () => {
    clock.set('2026-04-13T14:00:00Z');
    await onlyTriggers();
    const ada = await client();
    const triggerId = await emailTrigger('opened', {
      offset_when: 'after',
      offset_amount: 2,
      offset_unit: 'hours',
    });
    clock.advance(MINUTE);
    await emailEvent(ada, 'opened');
    clock.advance(MINUTE);
    expect((await evaluate()).queued).toBe(0);
    clock.set('2026-04-13T16:00:59.999Z');
    expect((await evaluate()).queued).toBe(0);
    clock.set('2026-04-13T16:01:00Z');
    expect((await evaluate()).queued).toBe(1);
    expect((await items(triggerId))[0]).toMatchObject({
      anchor_value: '2026-04-13T14:01:00.000Z',
      trigger_date: '2026-04-13T16:01:00.000Z',
    });
  });

  it('withdraws the pending item of a client who is deleted, as it is deleted', async () => {
    clock.set('2026-04-14T14:00:00Z');
    await onlyTriggers();
    const ada = await client();
    const triggerId = await keywordTrigger('MINI');
    clock.advance(MINUTE);
    await sms(ada, 'MINI');
    clock.advance(MINUTE);
    await evaluate();
    await deleteRecord(deps(), studio, recordKind('client'), ada);
    expect((await items(triggerId)).map((i) => [i.state, i.reason])).toEqual([
      ['withdrawn', 'the record was deleted'],
    ]);
    clock.advance(MINUTE);
    expect((await evaluate()).withdrawn).toBe(0);
  });
});
