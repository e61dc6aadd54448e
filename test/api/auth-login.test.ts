import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { hashSecret } from '../../src/domain/secret-tokens.js';
import { createStudio } from '../../src/store/studios.js';
import { addMembership, createUser } from '../../src/store/users.js';
import { browserCall, givePassword, makeAuthServer, PASSWORD, signIn } from '../support/auth-fixture.js';
import { forEachDialect } from '../support/dialects.js';
import { call, makeStudio, type StudioFixture } from '../support/studio-fixture.js';

forEachDialect('staff sign-in', (store) => {
  const clock = new ManualClock('2026-03-06T15:00:00Z');
  let app: FastifyInstance;
  let a: StudioFixture;
  let ownerEmail: string;

  const login = (payload: unknown, remoteAddress = '10.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: payload as object, remoteAddress });

  beforeAll(async () => {
    app = await makeAuthServer(store(), clock, { sessionHours: 8 });
    a = await makeStudio(store(), clock, { name: 'Aardvark Portraits' });
    await givePassword(store(), clock, a.ownerId);
    ownerEmail = (
      await store()
        .db.selectFrom('users')
        .select('email')
        .where('id', '=', a.ownerId)
        .executeTakeFirstOrThrow()
    ).email;
  });

  it('signs in with email and password and answers the user, studio, role, studios and CSRF token', async () => {
    const response = await login({ email: ownerEmail.toUpperCase(), password: PASSWORD });
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body);
    expect(body).toEqual({
      user: { id: a.ownerId, email: ownerEmail, name: expect.any(String) },
      studio: { id: a.studio.id, name: 'Aardvark Portraits', is_sandbox: false },
      role: 'owner',
      studios: [{ id: a.studio.id, name: 'Aardvark Portraits', is_sandbox: false, role: 'owner' }],
      csrf_token: expect.stringMatching(/^[\w-]{40,}$/),
    });
  });

  it('sets an HttpOnly, SameSite=Lax, Path=/ session cookie that is not Secure over plain http', async () => {
    const response = await login({ email: ownerEmail, password: PASSWORD });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^tf_session=tfs_[\w-]+;/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Lax');
    expect(header).toContain('Path=/');
    expect(header).toContain(`Max-Age=${8 * 3600}`);
    expect(header).not.toContain('Secure');
  });

  it('marks the cookie Secure when the public address is https', async () => {
    const secure = await makeAuthServer(store(), clock, { publicUrl: 'https://studio.example.com' });
    const response = await secure.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ownerEmail, password: PASSWORD },
    });
    expect(String(response.headers['set-cookie'])).toContain('Secure');
  });

  it('stores the session under the hash of the cookie secret, never the secret itself', async () => {
    const browser = await signIn(app, ownerEmail);
    const rows = await store().db.selectFrom('login_sessions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(browser.cookie);
    const row = rows.find((r) => r.id === hashSecret(browser.cookie));
    expect(row).toMatchObject({ user_id: a.ownerId, studio_id: a.studio.id, csrf_token: browser.csrf });
    expect(row?.expires_at).toBe('2026-03-06T23:00:00.000Z');
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await login({ email: ownerEmail, password: 'not my password' }, '10.0.1.1');
    const unknown = await login({ email: 'nobody@example.com', password: PASSWORD }, '10.0.1.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(JSON.parse(wrong.body)).toEqual(JSON.parse(unknown.body));
    expect(JSON.parse(wrong.body).code).toBe('ERR_UNAUTHENTICATED');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('does not let a user without a password sign in, with the same 401', async () => {
    const staffEmail = ownerEmail.replace('owner-', 'staff-');
    const response = await login({ email: staffEmail, password: PASSWORD }, '10.0.2.1');
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body).message).toBe(
      JSON.parse((await login({ email: 'x@example.com', password: PASSWORD }, '10.0.2.2')).body).message,
    );
  });

  it('refuses a user who is not a member of any studio with 403 and no session', async () => {
    await createUser(store().db, clock, {
      email: 'drifter@example.com',
      name: 'Drifter',
      password: PASSWORD,
    });
    const response = await login({ email: 'drifter@example.com', password: PASSWORD });
    expect(response.statusCode).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('names every bad field of a sign-in at once and does not count it as a failure', async () => {
    const response = await login({ email: 42, studio_id: 'two', remember: true }, '10.0.3.1');
    expect(response.statusCode).toBe(400);
    const paths = JSON.parse(response.body).details.map((d: { path: string }) => d.path);
    expect(paths.sort()).toEqual(['email', 'password', 'remember', 'studio_id']);
    expect(
      await store().db.selectFrom('login_failures').where('ip', '=', '10.0.3.1').selectAll().execute(),
    ).toEqual([]);
  });

  describe('with two studios', () => {
    let second: number;
    beforeAll(async () => {
      second = (
        await createStudio(store().db, clock, {
          name: 'Zebra Weddings',
          time_zone: 'Europe/Paris',
          country: 'FR',
        })
      ).id;
      await addMembership(store().db, clock, second, a.ownerId, 'staff');
    });

    it("starts in the first studio by name, or the one asked for, and lists every studio with the user's role", async () => {
      const first = await signIn(app, ownerEmail);
      expect(first.body.studio.id).toBe(a.studio.id);
      expect(first.body.studios.map((s: any) => [s.name, s.role])).toEqual([
        ['Aardvark Portraits', 'owner'],
        ['Zebra Weddings', 'staff'],
      ]);
      const asked = await signIn(app, ownerEmail, PASSWORD, { studio_id: second });
      expect(asked.body).toMatchObject({ studio: { id: second, name: 'Zebra Weddings' }, role: 'staff' });
    });

    it('refuses a studio the user is not a member of with the same 404 as a studio that does not exist', async () => {
      const other = await makeStudio(store(), clock);
      const notMember = await login({ email: ownerEmail, password: PASSWORD, studio_id: other.studio.id });
      const nowhere = await login({ email: ownerEmail, password: PASSWORD, studio_id: 999_999 });
      expect(notMember.statusCode).toBe(404);
      expect(JSON.parse(notMember.body).message.replace(String(other.studio.id), '#')).toBe(
        JSON.parse(nowhere.body).message.replace('999999', '#'),
      );
      expect(notMember.headers['set-cookie']).toBeUndefined();
    });

    it('switches the session to another studio of the user, and refuses one they are not in with 404', async () => {
      const browser = await signIn(app, ownerEmail);
      const switched = await browserCall(app, browser, 'PUT', '/api/v1/auth/studio', { studio_id: second });
      expect(switched.status).toBe(200);
      expect(switched.body).toMatchObject({
        studio: { id: second },
        role: 'staff',
        csrf_token: browser.csrf,
      });
      expect((await browserCall(app, browser, 'GET', '/api/v1/studio')).body.name).toBe('Zebra Weddings');
      const other = await makeStudio(store(), clock);
      const refused = await browserCall(app, browser, 'PUT', '/api/v1/auth/studio', {
        studio_id: other.studio.id,
      });
      expect(refused.status).toBe(404);
      expect(JSON.stringify(refused.body)).not.toContain(other.studio.name);
      expect((await browserCall(app, browser, 'GET', '/api/v1/auth/me')).body.studio.id).toBe(second);
      const bad = await browserCall(app, browser, 'PUT', '/api/v1/auth/studio', { studio_id: 'x' });
      expect(bad.body.details).toEqual([{ path: 'studio_id', problem: expect.any(String) }]);
    });
  });

  it('answers me like sign-in, with the CSRF token for a cookie and without one for a token', async () => {
    const browser = await signIn(app, ownerEmail);
    const me = await browserCall(app, browser, 'GET', '/api/v1/auth/me');
    expect(me.body).toEqual(browser.body);
    const byToken = await call(app, a.tokens.admin, 'GET', '/api/v1/auth/me');
    expect(byToken.body).toMatchObject({ role: 'admin', studio: { id: a.studio.id }, csrf_token: null });
    expect(byToken.body.studios).toHaveLength(1);
  });

  it('signs out: deletes the session, clears the cookie, and the old cookie no longer works', async () => {
    const browser = await signIn(app, ownerEmail);
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { tf_session: browser.cookie },
      headers: { 'x-csrf-token': browser.csrf },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^tf_session=;.*Expires=Thu, 01 Jan 1970/);
    const row = await store()
      .db.selectFrom('login_sessions')
      .where('id', '=', hashSecret(browser.cookie))
      .selectAll()
      .execute();
    expect(row).toEqual([]);
    expect((await browserCall(app, browser, 'GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('ends a session after the configured hours', async () => {
    const browser = await signIn(app, ownerEmail);
    clock.advance(8 * 3600_000 - 1000);
    expect((await browserCall(app, browser, 'GET', '/api/v1/auth/me')).status).toBe(200);
    clock.advance(1000);
    const expired = await browserCall(app, browser, 'GET', '/api/v1/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('ERR_UNAUTHENTICATED');
  });

  it('changes the password after checking the current one, and signs out the other sessions', async () => {
    const user = await createUser(store().db, clock, {
      email: 'pat@example.com',
      name: 'Pat',
      password: PASSWORD,
    });
    await addMembership(store().db, clock, a.studio.id, user.id, 'staff');
    const here = await signIn(app, 'pat@example.com');
    const elsewhere = await signIn(app, 'pat@example.com');
    const wrong = await browserCall(app, here, 'PUT', '/api/v1/auth/password', {
      current_password: 'not it at all',
      new_password: 'a brand new secret',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ path: 'current_password', problem: 'is not correct' }]);
    const short = await browserCall(app, here, 'PUT', '/api/v1/auth/password', {
      current_password: PASSWORD,
      new_password: 'short',
    });
    expect(short.body.details).toEqual([{ path: 'new_password', problem: 'must be at least 10 characters' }]);
    const changed = await browserCall(app, here, 'PUT', '/api/v1/auth/password', {
      current_password: PASSWORD,
      new_password: 'a brand new secret',
    });
    expect(changed.status).toBe(204);
    expect((await browserCall(app, here, 'GET', '/api/v1/auth/me')).status).toBe(200);
    expect((await browserCall(app, elsewhere, 'GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await login({ email: 'pat@example.com', password: PASSWORD }, '10.0.4.1')).statusCode).toBe(401);
    expect((await login({ email: 'pat@example.com', password: 'a brand new secret' })).statusCode).toBe(200);
    const stored = await store()
      .db.selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored.password_hash).not.toContain('a brand new secret');
  });

  it('does not let an API token sign out, switch studios or change the password', async () => {
    for (const [method, url, body] of [
      ['POST', '/api/v1/auth/logout', undefined],
      ['PUT', '/api/v1/auth/studio', { studio_id: a.studio.id }],
      ['PUT', '/api/v1/auth/password', { current_password: PASSWORD, new_password: 'whatever12345' }],
    ] as const) {
      const response = await call(app, a.tokens.owner, method, url, body);
      expect(response.status, url).toBe(403);
    }
  });
});
