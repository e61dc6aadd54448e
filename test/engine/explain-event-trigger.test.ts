import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { recordKind } from '../../src/domain/record-kinds/index.js';
import { baselineCounts } from '../../src/engine/baseline-counts.js';
import { evaluateStudio } from '../../src/engine/evaluate-studio.js';
import { explainTrigger } from '../../src/engine/explain-trigger.js';
import { EVENTS_NOTE, forecast } from '../../src/engine/forecast.js';
import { recordEmailEvent } from '../../src/store/email-events.js';
import { recordInboundSms } from '../../src/store/inbound-sms.js';
import { createRecord } from '../../src/store/records.js';
import { forEachDialect } from '../support/dialects.js';
import { makeStudioContext } from '../support/studio-fixture.js';
import { insertTrigger } from '../support/trigger-rows.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const actor = { userId: null, source: 'system' } as const;

forEachDialect('explain, forecast and counts of event triggers', (store) => {
  const clock = new ManualClock('2026-06-01T14:00:00Z');
  const deps = () => ({ db: store().db, clock });

  /** A fresh studio (so that counts see only this test's events) with helpers bound to it. */
  const studioWithEvents = async () => {
    const studio = await makeStudioContext(store(), clock);
    const client = async (fields: Record<string, unknown> = {}) =>
      Number(
        (
          await createRecord(
            deps(),
            studio,
            recordKind('client'),
            { first_name: 'Mae', last_name: 'Jemison', ...fields },
            actor,
          )
        ).id,
      );
    const opened = async (clientId: number | null, occurredAt: Date, event = 'opened') =>
      (
        await recordEmailEvent(
          store().db,
          studio.id,
          { event: event as 'opened', occurredAt: occurredAt.toISOString(), clientId },
          clock.now(),
        )
      ).id;
    const trigger = (fields: Record<string, unknown> & { trigger_type: string; date_option: string }) =>
      insertTrigger(store().db, studio.id, clock.now(), { record_kind: 'client', ...fields });
    const openedTrigger = (fields: Record<string, unknown> = {}) =>
      trigger({
        trigger_type: 'email_records',
        date_option: 'event_time',
        email_event: 'opened',
        name: 'Thanks for reading',
        ...fields,
      });
    const explain = (triggerId: number, clientId: number) =>
      explainTrigger(store().db, studio, triggerId, clientId, clock.now());
    return { studio, client, opened, trigger, openedTrigger, explain };
  };

  beforeAll(() => clock.set('2026-06-01T14:00:00Z'));

  it('says in words that a client got no opened-email trigger when every open came before the baseline', async () => {
    clock.set('2026-06-01T14:00:00Z');
    const s = await studioWithEvents();
    const reader = await s.client();
    const open = await s.opened(reader, new Date(clock.now().getTime() - 2 * DAY));
    clock.advance(MINUTE);
    const triggerId = await s.openedTrigger();
    clock.advance(MINUTE);
    await evaluateStudio(store().db, s.studio, clock.now());
    const answer = await s.explain(triggerId, reader);
    expect(answer.occurrences).toEqual([
      expect.objectContaining({
        occurrence_key: `ee:${open}`,
        anchor_value: '2026-05-30T14:00:00.000Z',
        trigger_date: '2026-05-30T14:00:00.000Z',
        baselined: true,
        item: null,
      }),
    ]);
    expect(answer.occurrences[0]?.verdict).toMatch(/^baselined: it existed at the baseline/);
    expect(answer.summary).toBe(
      `Client ${reader} did not get "Thanks for reading": no opened email event for this client since the trigger was baselined (the latest, at 2026-05-30T14:00:00.000Z, came before the trigger was activated or last changed).`,
    );
    const silent = await s.client();
    expect((await s.explain(triggerId, silent)).summary).toBe(
      `Client ${silent} did not get "Thanks for reading": no opened email event has been recorded for this client.`,
    );
  });

  it('shows the event that fired with its item and history, and an event of another kind as none', async () => {
    clock.set('2026-06-02T14:00:00Z');
    const s = await studioWithEvents();
    const reader = await s.client();
    const triggerId = await s.openedTrigger();
    clock.advance(MINUTE);
    await s.opened(reader, clock.now(), 'clicked');
    const open = await s.opened(reader, clock.now());
    clock.advance(MINUTE);
    await evaluateStudio(store().db, s.studio, clock.now());
    const answer = await s.explain(triggerId, reader);
    expect(answer.occurrences).toHaveLength(1);
    expect(answer.occurrences[0]).toMatchObject({
      occurrence_key: `ee:${open}`,
      baselined: false,
      has_come: true,
      item: { state: 'pending', record_kind: 'client', record_id: reader },
    });
    expect(answer.occurrences[0]?.item?.history).toEqual([
      expect.objectContaining({ from_state: null, to_state: 'pending', actor: 'control_center' }),
    ]);
    expect(answer.summary).toBe(
      `Client ${reader} got "Thanks for reading": it is in the queue, pending (trigger date 2026-06-02T14:01:00.000Z).`,
    );
  });

  it("names the keyword SMS from a client's number that came from an unknown sender and started nothing", async () => {
    clock.set('2026-06-03T14:00:00Z');
    const s = await studioWithEvents();
    const triggerId = await s.trigger({
      trigger_type: 'sms_keyword',
      date_option: 'received',
      keyword: 'MINI',
      name: 'Mini sessions',
    });
    clock.advance(MINUTE);
    // The reply arrives before anyone has entered the sender as a client.
    const reply = await recordInboundSms(
      store().db,
      s.studio.id,
      { clientId: null, from: '+12125550142', to: '+12125550100', body: 'Mini!' },
      clock.now(),
    );
    clock.advance(MINUTE);
    await evaluateStudio(store().db, s.studio, clock.now());
    const later = await s.client({ phones: [{ number: '(212) 555-0142', sms_capable: true }] });
    const answer = await s.explain(triggerId, later);
    expect(answer.occurrences).toEqual([]);
    expect(answer.unknown_sender_sms).toEqual([
      { communication_id: reply, received_at: '2026-06-03T14:01:00.000Z', from: '+12125550142' },
    ]);
    expect(answer.summary).toBe(
      `Client ${later} did not get "Mini sessions": its latest incoming SMS starting with "MINI" (received 2026-06-03T14:01:00.000Z) came from +12125550142, which belonged to no client then (an unknown sender), so it started nothing.`,
    );
  });

  it('counts on save the matching events at or before the baseline, and the received events due later', async () => {
    clock.set('2026-06-10T14:00:00Z');
    const s = await studioWithEvents();
    const [ann, bob] = [await s.client(), await s.client()];
    const ago = (ms: number) => new Date(clock.now().getTime() - ms);
    await s.opened(ann, ago(40 * DAY));
    await s.opened(ann, ago(3 * DAY));
    await s.opened(bob, ago(2 * DAY + 1_000)); // "2 days after": due a second before the baseline
    await s.opened(bob, ago(2 * DAY - 1_000)); // due a second after it
    await s.opened(bob, ago(DAY)); // due tomorrow
    await s.opened(bob, ago(DAY), 'clicked'); // another event
    await s.opened(null, ago(DAY)); // no client
    const onEvent = await s.openedTrigger();
    expect(await baselineCounts(store().db, s.studio, onEvent, clock.now())).toEqual({
      baselined: 5,
      due_next_30_days: 0,
    });
    const twoDaysAfter = await s.openedTrigger({
      offset_when: 'after',
      offset_amount: 2,
      offset_unit: 'days',
    });
    expect(await baselineCounts(store().db, s.studio, twoDaysAfter, clock.now())).toEqual({
      baselined: 3,
      due_next_30_days: 2,
    });
    const answer = await forecast(store().db, s.studio, clock.now(), { days: 7, triggerId: twoDaysAfter });
    expect(answer).toMatchObject({
      total: 2,
      triggers: [{ trigger_id: twoDaysAfter, count: 2, note: EVENTS_NOTE }],
      items: [
        { record_id: bob, trigger_date: '2026-06-10T14:00:01.000Z' },
        { record_id: bob, trigger_date: '2026-06-11T14:00:00.000Z' },
      ],
    });
  });
});
