import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { loose } from '../../src/store/record-table.js';
import {
  browserCall,
  givePassword,
  makeAuthServer,
  PASSWORD,
  signIn,
  type Browser,
} from '../support/auth-fixture.js';
import { forEachDialect } from '../support/dialects.js';
import { call, makeStudio, type StudioFixture } from '../support/studio-fixture.js';

forEachDialect('CSRF protection', (store) => {
  const clock = new ManualClock('2026-03-06T15:00:00Z');
  let app: FastifyInstance;
  let a: StudioFixture;
  let browser: Browser;

  beforeAll(async () => {
    app = await makeAuthServer(store(), clock);
    a = await makeStudio(store(), clock);
    await givePassword(store(), clock, a.ownerId);
    const email = (
      await store()
        .db.selectFrom('users')
        .select('email')
        .where('id', '=', a.ownerId)
        .executeTakeFirstOrThrow()
    ).email;
    browser = await signIn(app, email);
  });

  const client = { first_name: 'Grace', last_name: 'Hopper' };

  it('refuses a cookie-authenticated write without X-CSRF-Token with 403 ERR_CSRF and changes nothing', async () => {
    const refused = await browserCall(app, browser, 'POST', '/api/v1/clients', client, { csrf: false });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ERR_CSRF');
    const clients = await loose(store().db).selectFrom('clients').selectAll().execute();
    expect(clients).toEqual([]);
  });

  it("refuses a cookie-authenticated write with another session's CSRF token", async () => {
    const refused = await browserCall(app, browser, 'POST', '/api/v1/clients', client, {
      csrf: false,
      headers: { 'x-csrf-token': 'A'.repeat(43) },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ERR_CSRF');
  });

  it('accepts a cookie-authenticated write that echoes the CSRF token', async () => {
    const created = await browserCall(app, browser, 'POST', '/api/v1/clients', client);
    expect(created.status).toBe(201);
  });

  it('checks percent-encoded spellings of a path like the path itself', async () => {
    const refused = await browserCall(app, browser, 'POST', '/%61pi/v1/clients', client, { csrf: false });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ERR_CSRF');
  });

  it('accepts sign-in only as JSON, which a cross-site form cannot send', async () => {
    const email = (
      await store()
        .db.selectFrom('users')
        .select('email')
        .where('id', '=', a.ownerId)
        .executeTakeFirstOrThrow()
    ).email;
    const form = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=${encodeURIComponent(email)}&password=${encodeURIComponent(PASSWORD)}`,
    });
    expect(form.statusCode).toBe(400);
    expect(JSON.parse(form.body).details).toEqual([
      { path: 'Content-Type', problem: 'must be application/json' },
    ]);
    expect(form.headers['set-cookie']).toBeUndefined();
  });

  it('needs no CSRF token for cookie-authenticated reads', async () => {
    const list = await browserCall(app, browser, 'GET', '/api/v1/clients', undefined, { csrf: false });
    expect(list.status).toBe(200);
  });

  it('needs no CSRF token for bearer-token writes, which browsers never send on their own', async () => {
    const created = await call(app, a.tokens.staff, 'POST', '/api/v1/clients', client);
    expect(created.status).toBe(201);
  });
});
