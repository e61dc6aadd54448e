import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { forEachDialect } from '../support/dialects.js';
import { call, makeServer, makeStudio, type StudioFixture } from '../support/studio-fixture.js';
import type { FastifyInstance } from 'fastify';

forEachDialect('records API', (store) => {
  const clock = new ManualClock('2026-03-06T15:00:00Z');
  let app: FastifyInstance;
  let a: StudioFixture;
  beforeAll(async () => {
    app = await makeServer(store(), clock);
    a = await makeStudio(store(), clock);
  });

  it('creates a client with phones normalised to E.164 and reads it back', async () => {
    const created = await call(app, a.tokens.staff, 'POST', '/api/v1/clients', {
      first_name: 'Zoë',
      last_name: 'Ångström',
      phones: [{ number: '(212) 555-0142', sms_capable: true }],
      emails: [{ address: 'zoe@Example.COM' }],
      allow_marketing_sms: true,
    });
    expect(created.status).toBe(201);
    expect(created.body.phones[0]).toMatchObject({
      number: '+12125550142',
      sms_capable: true,
      label: 'mobile',
    });
    expect(created.body.emails[0].address).toBe('zoe@example.com');
    const read = await call(app, a.tokens.staff, 'GET', `/api/v1/clients/${created.body.id}`);
    expect(read.body.first_name).toBe('Zoë');
  });

  it('enters a status with a due date counted in business days across a weekend and a DST change', async () => {
    const type = await call(app, a.tokens.admin, 'POST', '/api/v1/types', {
      kind: 'session',
      name: 'Portrait',
    });
    const status = await call(app, a.tokens.admin, 'POST', '/api/v1/statuses', {
      kind: 'session',
      name: 'Proofs ready',
      duration_days: 3,
    });
    const client = await call(app, a.tokens.staff, 'POST', '/api/v1/clients', {
      first_name: 'A',
      last_name: 'B',
    });
    // Friday 6 March 2026, 10:00 in New York; DST starts Sunday 8 March. Three business days: Wed 11.
    const session = await call(app, a.tokens.staff, 'POST', '/api/v1/sessions', {
      client_id: client.body.id,
      session_type_id: type.body.id,
      start: '2026-03-20T14:00:00-04:00',
      status_id: status.body.id,
    });
    expect(session.status).toBe(201);
    expect(session.body.status_due_date).toBe('2026-03-11');
    const history = await call(
      app,
      a.tokens.staff,
      'GET',
      `/api/v1/sessions/${session.body.id}/status-history`,
    );
    expect(history.body.data).toHaveLength(1);
    expect(history.body.data[0]).toMatchObject({
      status_name: 'Proofs ready',
      due_date: '2026-03-11',
      left_at: null,
    });
  });
});
