import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { evaluateStudio } from '../../src/engine/evaluate-studio.js';
import { loadStudioContext, type StudioContext } from '../../src/store/studio-context.js';
import { forEachDialect } from '../support/dialects.js';
import { call, makeServer, makeStudio, type StudioFixture } from '../support/studio-fixture.js';

const DAY = 86_400_000;

forEachDialect('explain and forecast', (store) => {
  const clock = new ManualClock('2026-11-02T15:00:00Z');
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await makeServer(store(), clock);
  });

  /**
   * A fresh studio with a session type, a client and an SMS reminder template; `reminder` makes
   * "2 days before the session" triggers that exclude canceled sessions.
   */
  const studioWithReminders = async () => {
    const fixture: StudioFixture = await makeStudio(store(), clock);
    const admin = fixture.tokens.admin;
    const type = await call(app, admin, 'POST', '/api/v1/types', { kind: 'session', name: 'Family' });
    const template = await call(app, admin, 'POST', '/api/v1/templates', {
      name: 'Reminder',
      channel: 'sms',
      basis: 'session',
      body_text: 'See you soon!',
    });
    const client = await call(app, admin, 'POST', '/api/v1/clients', { first_name: 'Zoë', last_name: 'Ång' });
    const context = (await loadStudioContext(store().db, fixture.studio.id)) as StudioContext;
    const reminder = async (extra: Record<string, unknown> = {}) => {
      const made = await call(app, admin, 'POST', '/api/v1/triggers', {
        name: 'Reminder',
        trigger_type: 'session_type',
        filter_type_id: type.body.id,
        date_option: 'session_start',
        offset: { when: 'before', amount: 2, unit: 'days' },
        exclusions: { canceled: true },
        action: 'sms',
        action_settings: { sms_template_id: template.body.id },
        ...extra,
      });
      expect(made.status).toBe(201);
      return made.body;
    };
    const book = async (start: string, canceled = false) => {
      const made = await call(app, admin, 'POST', '/api/v1/sessions', {
        client_id: client.body.id,
        session_type_id: type.body.id,
        start,
        canceled,
      });
      expect(made.status).toBe(201);
      return Number(made.body.id);
    };
    const explain = (triggerId: number, recordId: number, token = admin) =>
      call(app, token, 'GET', `/api/v1/triggers/${triggerId}/explain?record_id=${recordId}`);
    const evaluate = () => evaluateStudio(store().db, context, clock.now());
    return { fixture, admin, reminder, book, explain, evaluate };
  };

  it('explains why a canceled session got no reminder: the trigger excludes canceled sessions', async () => {
    clock.set('2026-11-02T15:00:00Z');
    const s = await studioWithReminders();
    const trigger = await s.reminder();
    clock.advance(60_000);
    const canceled = await s.book('2026-11-10T16:00:00-05:00', true);
    clock.set('2026-11-09T00:00:00Z');
    await s.evaluate();
    const answer = await s.explain(trigger.id, canceled, s.fixture.tokens.staff);
    expect(answer.status).toBe(200);
    expect(answer.body.summary).toBe(
      `Session ${canceled} did not get "Reminder": it is canceled, and the trigger excludes canceled sessions.`,
    );
    const [occurrence] = answer.body.occurrences;
    expect(occurrence).toMatchObject({
      anchor_value: '2026-11-10T21:00:00.000Z',
      trigger_date: '2026-11-08T21:00:00.000Z',
      has_come: true,
      baselined: false,
      disqualification: 'excluded: the session is canceled',
      item: null,
      verdict: 'excluded: the session is canceled',
    });
    expect(occurrence.exclusions).toEqual([
      { exclusion: 'canceled', value: true, pass: false, reason: 'excluded: the session is canceled' },
    ]);
    expect(
      answer.body.criteria.map((c: { criterion: string; pass: boolean }) => [c.criterion, c.pass]),
    ).toEqual([
      ['trigger active', true],
      ['record kind', true],
      ['filter type', true],
      ['date option', true],
    ]);
  });

  it('shows the item and its history for a session that got its reminder', async () => {
    clock.set('2026-11-02T15:00:00Z');
    const s = await studioWithReminders();
    const trigger = await s.reminder();
    clock.advance(60_000);
    const kept = await s.book('2026-11-10T15:00:00-05:00');
    clock.set('2026-11-09T00:00:00Z');
    await s.evaluate();
    const answer = await s.explain(trigger.id, kept);
    const [occurrence] = answer.body.occurrences;
    expect(occurrence.item).toMatchObject({ record_id: kept, state: 'pending' });
    expect(occurrence.item.history).toEqual([
      expect.objectContaining({ from_state: null, to_state: 'pending', actor: 'control_center' }),
    ]);
    expect(answer.body.summary).toBe(
      `Session ${kept} got "Reminder": it is in the queue, pending (trigger date 2026-11-08T20:00:00.000Z).`,
    );
  });

  it('says baselined for a session whose reminder date had passed when the trigger was made', async () => {
    clock.set('2026-11-02T15:00:00Z');
    const s = await studioWithReminders();
    const early = await s.book('2026-11-03T15:00:00Z');
    clock.advance(60_000);
    const trigger = await s.reminder();
    clock.advance(60_000);
    await s.evaluate();
    const answer = await s.explain(trigger.id, early);
    expect(answer.body.occurrences[0]).toMatchObject({ baselined: true, item: null });
    expect(answer.body.occurrences[0].verdict).toMatch(/^baselined: it existed at the baseline/);
    expect(answer.body.summary).toMatch(
      new RegExp(`^Session ${early} did not get "Reminder": it was baselined`),
    );
  });

  it('answers 404 for a record that does not exist, and 400 without a record id', async () => {
    clock.set('2026-11-02T15:00:00Z');
    const s = await studioWithReminders();
    const trigger = await s.reminder();
    expect((await s.explain(trigger.id, 987_654_321)).body.message).toBe('Session 987654321 was not found');
    const bare = await call(app, s.admin, 'GET', `/api/v1/triggers/${trigger.id}/explain`);
    expect(bare.status).toBe(400);
    expect(bare.body.details).toEqual([
      { path: 'record_id', problem: 'must be an id (a positive whole number)' },
    ]);
  });

  it('forecasts for the next 7 days exactly the reminders that will fall due, not those outside or excluded', async () => {
    clock.set('2026-11-02T15:00:00Z');
    const s = await studioWithReminders();
    const trigger = await s.reminder();
    clock.advance(60_000);
    const inWindow = await s.book('2026-11-06T10:00:00-05:00'); // reminder Wed 4 Nov 10:00
    const lastDay = await s.book('2026-11-11T15:02:00Z'); // reminder 9 Nov 15:02Z, the window's end
    await s.book('2026-11-11T15:03:00Z'); // reminder a minute after the window
    await s.book('2026-11-20T15:00:00Z'); // reminder in 16 days
    await s.book('2026-11-07T15:00:00Z', true); // canceled
    await s.book('2026-11-03T15:00:00Z'); // reminder already past: due now, not in the future
    clock.advance(60_000); // now 2026-11-02T15:02Z; the window ends 2026-11-09T15:02Z
    const answer = await call(
      app,
      s.fixture.tokens.staff,
      'GET',
      `/api/v1/forecast?days=7&trigger_id=${trigger.id}`,
    );
    expect(answer.status).toBe(200);
    expect(
      answer.body.items.map((i: { record_id: number; trigger_date: string }) => [
        i.record_id,
        i.trigger_date,
      ]),
    ).toEqual([
      [inWindow, '2026-11-04T15:00:00.000Z'],
      [lastDay, '2026-11-09T15:02:00.000Z'],
    ]);
    // Each listed item names its record the way Process Triggers does.
    for (const item of answer.body.items) {
      expect(item.client_name).toBe('Zoë Ång');
      expect(item.record_label).toMatch(/^Zoë Ång · session of /);
    }
    expect(answer.body).toMatchObject({
      days: 7,
      total: 2,
      triggers: [{ trigger_id: trigger.id, name: 'Reminder', count: 2 }],
      by_day: [
        { date: '2026-11-04', count: 1 },
        { date: '2026-11-09', count: 1 },
      ],
      items_cap: 500,
      items_truncated: false,
    });
    const tooFar = await call(app, s.admin, 'GET', '/api/v1/forecast?days=91');
    expect(tooFar.body.details).toEqual([{ path: 'days', problem: 'must be a whole number from 1 to 90' }]);
  });

  it('counts each studio-local day per trigger, most first, for a calendar of the window', async () => {
    clock.set('2026-11-02T15:00:00Z');
    const s = await studioWithReminders();
    const twoDays = await s.reminder();
    const sameDay = await s.reminder({ name: 'Day of', offset: { when: 'on' } });
    clock.advance(60_000);
    await s.book('2026-11-06T10:00:00-05:00'); // "Reminder" 4 Nov, "Day of" 6 Nov
    await s.book('2026-11-06T23:30:00-05:00'); // 4 and 6 Nov in New York, though 5 and 7 Nov in UTC
    await s.book('2026-11-08T09:00:00-05:00'); // "Reminder" 6 Nov, "Day of" 8 Nov
    const answer = await call(app, s.fixture.tokens.staff, 'GET', '/api/v1/forecast?days=30');
    expect(answer.status).toBe(200);
    expect(answer.body.by_day).toEqual([
      { date: '2026-11-04', count: 2, triggers: [{ trigger_id: twoDays.id, count: 2 }] },
      {
        date: '2026-11-06',
        count: 3,
        triggers: [
          { trigger_id: sameDay.id, count: 2 },
          { trigger_id: twoDays.id, count: 1 },
        ],
      },
      { date: '2026-11-08', count: 1, triggers: [{ trigger_id: sameDay.id, count: 1 }] },
    ]);
    const one = await call(app, s.admin, 'GET', `/api/v1/forecast?days=30&trigger_id=${twoDays.id}`);
    expect(one.body.by_day.map((d: { triggers: unknown[] }) => d.triggers)).toEqual([
      [{ trigger_id: twoDays.id, count: 2 }],
      [{ trigger_id: twoDays.id, count: 1 }],
    ]);
  });

  it('counts on save what the baseline covers and what falls due in the next 30 days', async () => {
    clock.set('2026-11-02T15:00:00Z');
    const s = await studioWithReminders();
    await s.book('2026-10-20T15:00:00Z'); // long past: baselined
    await s.book('2026-11-03T15:00:00Z'); // reminder date passed: baselined
    await s.book('2026-11-04T15:00:02Z'); // reminder a second after the baseline: falls due
    await s.book('2026-11-20T15:00:00Z'); // falls due in 16 days
    await s.book('2026-12-20T15:00:00Z'); // beyond 30 days
    clock.advance(1_000);
    const trigger = await s.reminder();
    expect(trigger.baseline).toEqual({ baselined: 2, due_next_30_days: 2 });
    // Moving the offset moves the baseline: a day before, three sessions are now covered.
    clock.advance(DAY + 1_000);
    const moved = await call(app, s.admin, 'PATCH', `/api/v1/triggers/${trigger.id}`, {
      offset: { when: 'before', amount: 1, unit: 'days' },
    });
    expect(moved.body.baseline).toEqual({ baselined: 3, due_next_30_days: 1 });
    const renamed = await call(app, s.admin, 'PATCH', `/api/v1/triggers/${trigger.id}`, { name: 'Soon' });
    expect(renamed.body).not.toHaveProperty('baseline');
    const inactive = await s.reminder({ is_active: false });
    expect(inactive.baseline).toBeNull();
    const activated = await call(app, s.admin, 'POST', `/api/v1/triggers/${inactive.id}/activate`);
    expect(activated.body.baseline).toEqual({ baselined: 3, due_next_30_days: 1 });
  });
});
