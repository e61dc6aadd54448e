import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { forEachDialect } from '../support/dialects.js';
import { call, makeServer, makeStudio } from '../support/studio-fixture.js';
import { loose } from '../../src/store/record-table.js';

forEachDialect('a trigger made through the API, rehearsed on a test clock', (store) => {
  it('queues one item for a canceled-excluded reminder, and none for the canceled session', async () => {
    const clock = new ManualClock('2026-11-02T15:00:00Z');
    const app = await makeServer(store(), clock);
    const studio = await makeStudio(store(), clock, { is_sandbox: true });
    const admin = studio.tokens.admin;
    const type = await call(app, admin, 'POST', '/api/v1/types', { kind: 'session', name: 'Family' });
    const template = await call(app, admin, 'POST', '/api/v1/templates', {
      name: 'Reminder',
      channel: 'sms',
      basis: 'session',
      body_text: 'Hi {{ client.first_name }}, see you {{ session.start | date: "%A at %-I:%M %p" }}!',
    });
    expect(template.status).toBe(201);
    const trigger = await call(app, admin, 'POST', '/api/v1/triggers', {
      name: 'Session reminder',
      trigger_type: 'session_type',
      filter_type_id: type.body.id,
      date_option: 'session_start',
      offset: { when: 'before', amount: 2, unit: 'days' },
      exclusions: { canceled: true },
      action: 'sms',
      action_settings: { sms_template_id: template.body.id },
      processing: 'automatic',
      time_frame: { from: '09:00', to: '17:00', blocked_weekdays: [7] },
    });
    expect(trigger.status).toBe(201);
    clock.advance(60_000);
    const client = await call(app, admin, 'POST', '/api/v1/clients', {
      first_name: 'Zoë',
      last_name: 'Ångström',
    });
    const book = (start: string, canceled = false) =>
      call(app, admin, 'POST', '/api/v1/sessions', {
        client_id: client.body.id,
        session_type_id: type.body.id,
        start,
        canceled,
      });
    const kept = await book('2026-11-10T15:00:00-05:00');
    await book('2026-11-10T16:00:00-05:00', true);
    const advanced = await call(app, admin, 'POST', '/api/v1/clock/advance', {
      to: '2026-11-09T00:00:00-05:00',
      step_minutes: 60,
    });
    expect(advanced.status).toBe(200);
    const items = await loose(store().db)
      .selectFrom('triggered_items')
      .select(['record_id', 'state', 'trigger_date'])
      .where('trigger_id', '=', trigger.body.id)
      .execute();
    expect(items).toEqual([
      { record_id: kept.body.id, state: 'pending', trigger_date: '2026-11-08T20:00:00.000Z' },
    ]);
  });
});
