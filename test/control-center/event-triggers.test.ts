import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { recordEmailEvent } from '../../src/store/email-events.js';
import { recordInboundSms } from '../../src/store/inbound-sms.js';
import { loose } from '../../src/store/record-table.js';
import { forEachDialect } from '../support/dialects.js';
import { call, makeServer, makeStudio } from '../support/studio-fixture.js';

forEachDialect('event triggers made through the API, rehearsed on a test clock', (store) => {
  it('queues an item per opened email and per MINI reply as the Control Center runs, and counts what the baseline covers', async () => {
    const clock = new ManualClock('2026-11-02T15:00:00Z');
    const app = await makeServer(store(), clock);
    const studio = await makeStudio(store(), clock, { is_sandbox: true });
    const admin = studio.tokens.admin;
    const client = await call(app, admin, 'POST', '/api/v1/clients', { first_name: 'Lin', last_name: 'Wu' });
    const at = (iso: string) => new Date(iso);
    // An open from before the trigger exists: baselined.
    await recordEmailEvent(
      store().db,
      studio.studio.id,
      { event: 'opened', occurredAt: '2026-11-01T10:00:00Z', clientId: client.body.id },
      at('2026-11-01T10:00:05Z'),
    );
    const task = await call(app, admin, 'POST', '/api/v1/types', { kind: 'task', name: 'Follow up' });
    const followUp = {
      action: 'task',
      action_settings: { task_type_id: task.body.id, subject: 'Call them' },
    };
    const opened = await call(app, admin, 'POST', '/api/v1/triggers', {
      name: 'Opened the offer',
      trigger_type: 'email_records',
      email_event: 'opened',
      date_option: 'event_time',
      offset: { when: 'after', amount: 1, unit: 'hours' },
      processing: 'automatic',
      ...followUp,
    });
    expect(opened.status).toBe(201);
    expect(opened.body.baseline).toEqual({ baselined: 1, due_next_30_days: 0 });
    const keyword = await call(app, admin, 'POST', '/api/v1/triggers', {
      name: 'Mini sessions',
      trigger_type: 'sms_keyword',
      keyword: 'mini',
      date_option: 'received',
      ...followUp,
    });
    expect(keyword.status).toBe(201);
    await recordEmailEvent(
      store().db,
      studio.studio.id,
      { event: 'opened', occurredAt: '2026-11-03T09:00:00Z', clientId: client.body.id },
      at('2026-11-03T09:00:02Z'),
    );
    await recordInboundSms(
      store().db,
      studio.studio.id,
      { clientId: client.body.id, from: '+12125550142', to: '+12125550100', body: 'Mini? When?' },
      at('2026-11-03T12:30:00Z'),
    );
    const advanced = await call(app, admin, 'POST', '/api/v1/clock/advance', {
      to: '2026-11-04T00:00:00Z',
      step_minutes: 15,
    });
    expect(advanced.status).toBe(200);
    const items = await loose(store().db)
      .selectFrom('triggered_items')
      .select(['trigger_id', 'record_id', 'state', 'trigger_date'])
      .where('studio_id', '=', studio.studio.id)
      .orderBy('id')
      .execute();
    expect(items).toEqual([
      {
        trigger_id: opened.body.id,
        record_id: client.body.id,
        // Automatic, 24 hours: the Control Center processed it in the run that queued it.
        state: 'processed',
        trigger_date: '2026-11-03T10:00:00.000Z',
      },
      {
        trigger_id: keyword.body.id,
        record_id: client.body.id,
        state: 'pending',
        trigger_date: '2026-11-03T12:30:00.000Z',
      },
    ]);
    const tasks = await call(app, admin, 'GET', `/api/v1/tasks?client_id=${client.body.id}`);
    expect(tasks.body.data.map((t: { subject: string }) => t.subject)).toEqual(['Call them']);
  });
});
