import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { runControlCenter } from '../../src/control-center/run-control-center.js';
import { loose } from '../../src/store/record-table.js';
import { forEachDialect } from '../support/dialects.js';
import { call, makeServer, makeStudio, type StudioFixture } from '../support/studio-fixture.js';
import { insertTrigger } from '../support/trigger-rows.js';

forEachDialect('Control Center and test clocks', (store) => {
  // The system clock of these tests; the sandbox studio's test clock moves on its own.
  const clock = new ManualClock('2026-03-02T15:00:00Z');
  let app: FastifyInstance;
  let sandbox: StudioFixture;
  let real: StudioFixture;
  let sessionId: number;
  let triggerId: number;

  beforeAll(async () => {
    app = await makeServer(store(), clock);
    sandbox = await makeStudio(store(), clock, { is_sandbox: true });
    real = await makeStudio(store(), clock);
    const owner = sandbox.tokens.owner;
    const type = await call(app, owner, 'POST', '/api/v1/types', { kind: 'session', name: 'Portrait' });
    const client = await call(app, owner, 'POST', '/api/v1/clients', { first_name: 'Ada', last_name: 'L' });
    triggerId = await insertTrigger(store().db, sandbox.studio.id, clock.now(), {
      trigger_type: 'session_type',
      date_option: 'session_start',
      offset_when: 'before',
      offset_amount: 2,
      offset_unit: 'days',
    });
    clock.advance(60_000);
    // Friday 13 March 2026, 14:00 in New York: the reminder falls due Wednesday 11 March, 14:00 EDT.
    const session = await call(app, owner, 'POST', '/api/v1/sessions', {
      client_id: client.body.id,
      session_type_id: type.body.id,
      start: '2026-03-13T14:00:00-04:00',
    });
    sessionId = session.body.id;
  });

  const items = () =>
    loose(store().db).selectFrom('triggered_items').selectAll().where('trigger_id', '=', triggerId).execute();

  it('runs the Control Center at every step of an advance, so an item is queued at the step its time came', async () => {
    const advanced = await call(app, sandbox.tokens.admin, 'POST', '/api/v1/clock/advance', {
      to: '2026-03-12T00:00:00Z',
      step_minutes: 60,
    });
    expect(advanced.status).toBe(200);
    expect(advanced.body).toMatchObject({ from: '2026-03-02T15:01:00.000Z', to: '2026-03-12T00:00:00.000Z' });
    expect(advanced.body.runs).toBe(225);
    expect(advanced.body.totals.queued).toBe(1);
    const [item] = await items();
    expect(item).toMatchObject({ record_id: sessionId, trigger_date: '2026-03-11T18:00:00.000Z' });
    // Hourly steps from 15:01: the first run at or after 18:00 is 18:01.
    expect(item?.created_at).toBe('2026-03-11T18:01:00.000Z');
    const clockNow = await call(app, sandbox.tokens.staff, 'GET', '/api/v1/clock');
    expect(clockNow.body).toEqual({ now: '2026-03-12T00:00:00.000Z', is_sandbox: true, test_clock: true });
  });

  it('logs every run with its studio time and counts, newest first', async () => {
    const runs = await call(app, sandbox.tokens.staff, 'GET', '/api/v1/control-center/runs?limit=3');
    expect(runs.status).toBe(200);
    expect(runs.body.data.map((r: { run_at: string }) => r.run_at)).toEqual([
      '2026-03-12T00:00:00.000Z',
      '2026-03-11T23:01:00.000Z',
      '2026-03-11T22:01:00.000Z',
    ]);
    expect(runs.body.data[0]).toMatchObject({ error: null, counts: { queued: 0 } });
  });

  it('never moves a clock backwards, and refuses a test clock to a real studio', async () => {
    const back = await call(app, sandbox.tokens.admin, 'POST', '/api/v1/clock/advance', {
      to: '2026-03-01T00:00:00Z',
    });
    expect(back.status).toBe(400);
    expect(back.body.details[0].path).toBe('to');
    expect(
      (await call(app, real.tokens.admin, 'POST', '/api/v1/clock/advance', { to: '2027-01-01T00:00:00Z' }))
        .status,
    ).toBe(409);
    expect(
      (await call(app, sandbox.tokens.staff, 'POST', '/api/v1/clock/advance', { to: '2027-01-01T00:00:00Z' }))
        .status,
    ).toBe(403);
  });

  it('leaves a sandbox on its test clock when the wall-clock Control Center runs, and records a failing studio without stopping', async () => {
    const before = (await items()).length;
    const healthy = await makeStudio(store(), clock);
    // A trigger whose stored exclusions cannot be read makes its studio's run fail.
    await insertTrigger(store().db, real.studio.id, clock.now(), {
      trigger_type: 'session_type',
      date_option: 'session_start',
      exclusions: '{not json',
    });
    clock.set('2026-03-20T00:00:00Z');
    const runs = await runControlCenter(store().db, clock, { publicUrl: 'http://triggerfish.test' });
    expect(runs.map((r) => r.studioId)).not.toContain(sandbox.studio.id);
    const failed = runs.find((r) => r.studioId === real.studio.id);
    expect(failed?.error).toMatch(/JSON/);
    expect(runs.find((r) => r.studioId === healthy.studio.id)?.error).toBeNull();
    expect((await items()).length).toBe(before);
    const logged = await call(app, real.tokens.staff, 'GET', '/api/v1/control-center/runs?limit=1');
    expect(logged.body.data[0].error).toMatch(/JSON/);
  });

  it("stamps a sandbox's writes with its test clock, so a trigger's baseline is where its runs happen", async () => {
    const owner = sandbox.tokens.owner;
    const now = (await call(app, owner, 'GET', '/api/v1/clock')).body.now;
    expect(now).not.toBe(clock.now().toISOString());
    const client = await call(app, owner, 'POST', '/api/v1/clients', { first_name: 'Grace', last_name: 'H' });
    expect(client.body.created_at).toBe(now);
    const template = await call(app, owner, 'POST', '/api/v1/templates', {
      name: 'Thanks',
      channel: 'sms',
      basis: 'client',
      body_text: 'Thank you, {{ client.first_name }}!',
    });
    const trigger = await call(app, owner, 'POST', '/api/v1/triggers', {
      name: 'Welcome',
      trigger_type: 'client_status',
      date_option: 'created',
      action: 'sms',
      action_settings: { sms_template_id: template.body.id },
    });
    expect(trigger.status).toBe(201);
    expect(trigger.body.baseline_at).toBe(now);
  });
});
