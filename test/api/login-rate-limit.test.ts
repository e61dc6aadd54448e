import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { addMembership, createUser } from '../../src/store/users.js';
import { makeAuthServer, PASSWORD } from '../support/auth-fixture.js';
import { forEachDialect } from '../support/dialects.js';
import { makeStudio } from '../support/studio-fixture.js';

const MINUTE = 60_000;

forEachDialect('sign-in rate limit', (store) => {
  const clock = new ManualClock('2026-03-06T15:00:00Z');
  let app: FastifyInstance;
  let studioId: number;
  let counter = 0;

  const login = (email: string, password: string, ip: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: ip,
    });

  /** A member of the studio with a password, under a fresh email. */
  async function person(): Promise<string> {
    counter += 1;
    const email = `person${counter}@example.com`;
    const user = await createUser(store().db, clock, {
      email,
      name: `Person ${counter}`,
      password: PASSWORD,
    });
    await addMembership(store().db, clock, studioId, user.id, 'staff');
    return email;
  }

  beforeAll(async () => {
    app = await makeAuthServer(store(), clock, { loginMaxFailures: 5, loginWindowMinutes: 15 });
    studioId = (await makeStudio(store(), clock)).studio.id;
  });

  it('refuses the sixth attempt for an email with 429 and Retry-After, even with the right password, until the window has passed', async () => {
    const email = await person();
    const start = clock.now().getTime();
    for (let i = 0; i < 5; i += 1) {
      expect((await login(email, 'wrong password', `10.1.0.${i}`)).statusCode).toBe(401);
      clock.advance(MINUTE);
    }
    // Five failures at 0..4 minutes; now is 5 minutes in. The first leaves the window at 15 minutes.
    const refused = await login(email, PASSWORD, '10.1.1.1');
    expect(refused.statusCode).toBe(429);
    expect(JSON.parse(refused.body).code).toBe('ERR_RATE_LIMITED');
    expect(refused.headers['retry-after']).toBe(String(10 * 60));
    expect(refused.headers['set-cookie']).toBeUndefined();
    clock.set(new Date(start + 15 * MINUTE - 1000));
    const stillRefused = await login(email, PASSWORD, '10.1.1.1');
    expect(stillRefused.statusCode).toBe(429);
    expect(stillRefused.headers['retry-after']).toBe('1');
    clock.set(new Date(start + 15 * MINUTE));
    expect((await login(email, PASSWORD, '10.1.1.1')).statusCode).toBe(200);
  });

  it('counts failures per address across different emails', async () => {
    const ip = '10.2.0.1';
    for (let i = 0; i < 5; i += 1) {
      expect((await login(`stranger${i}@example.com`, 'wrong password', ip)).statusCode).toBe(401);
    }
    const email = await person();
    expect((await login(email, PASSWORD, ip)).statusCode).toBe(429);
    // The same person from another address is not held back by that address's failures.
    expect((await login(email, PASSWORD, '10.2.0.2')).statusCode).toBe(200);
    clock.advance(15 * MINUTE);
    expect((await login(email, PASSWORD, ip)).statusCode).toBe(200);
  });

  it('does not count refused attempts, so trying during a lockout does not extend it', async () => {
    const email = await person();
    for (let i = 0; i < 5; i += 1) await login(email, 'wrong password', '10.3.0.1');
    for (let i = 0; i < 10; i += 1) {
      clock.advance(MINUTE);
      expect((await login(email, 'wrong password', '10.3.0.1')).statusCode).toBe(429);
    }
    clock.advance(5 * MINUTE);
    expect((await login(email, PASSWORD, '10.3.0.1')).statusCode).toBe(200);
  });

  it('keeps counting across a server restart, because failures are rows in the database', async () => {
    const email = await person();
    for (let i = 0; i < 5; i += 1) await login(email, 'wrong password', '10.4.0.1');
    const restarted = await makeAuthServer(store(), clock, { loginMaxFailures: 5, loginWindowMinutes: 15 });
    const response = await restarted.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: PASSWORD },
      remoteAddress: '10.4.0.2',
    });
    expect(response.statusCode).toBe(429);
  });

  it('forgets an email’s failures after a correct password, and prunes failures that left the window', async () => {
    const email = await person();
    for (let i = 0; i < 4; i += 1) await login(email, 'wrong password', `10.5.0.${i}`);
    expect((await login(email, PASSWORD, '10.5.1.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i += 1) await login(email, 'wrong password', `10.5.2.${i}`);
    expect((await login(email, PASSWORD, '10.5.1.1')).statusCode).toBe(200);
    clock.advance(16 * MINUTE);
    await login('someone@example.com', 'wrong password', '10.5.3.1');
    const rows = await store().db.selectFrom('login_failures').selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ email: 'someone@example.com', ip: '10.5.3.1' })]);
  });

  it('counts wrong current passwords of a password change against the account', async () => {
    const email = await person();
    const signedIn = await login(email, PASSWORD, '10.6.0.1');
    const cookie = signedIn.cookies.find((c) => c.name === 'tf_session')?.value as string;
    const csrf = JSON.parse(signedIn.body).csrf_token;
    const change = (current: string) =>
      app.inject({
        method: 'PUT',
        url: '/api/v1/auth/password',
        cookies: { tf_session: cookie },
        headers: { 'x-csrf-token': csrf },
        payload: { current_password: current, new_password: 'a whole new password' },
        remoteAddress: '10.6.0.1',
      });
    for (let i = 0; i < 5; i += 1) expect((await change('guess number ' + i)).statusCode).toBe(400);
    expect((await change(PASSWORD)).statusCode).toBe(429);
  });
});
