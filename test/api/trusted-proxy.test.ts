import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { makeAuthServer } from '../support/auth-fixture.js';
import { forEachDialect } from '../support/dialects.js';

forEachDialect('client addresses behind proxies', (store) => {
  const clock = new ManualClock('2026-03-06T15:00:00Z');

  /** Five failed sign-ins from one socket, each claiming a new address; is the sixth refused? */
  async function sixthIsRefused(hops: number, socket: string): Promise<boolean> {
    const app = await makeAuthServer(store(), clock, { loginMaxFailures: 5, trustProxyHops: hops });
    const attempt = (i: number) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `nobody${hops}-${i}@example.com`, password: 'wrong password' },
        remoteAddress: socket,
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
    for (let i = 0; i < 5; i += 1) expect((await attempt(i)).statusCode).toBe(401);
    const sixth = await attempt(5);
    await app.close();
    return sixth.statusCode === 429;
  }

  it('ignores X-Forwarded-For by default, so a caller cannot invent addresses to dodge the limit', async () => {
    expect(await sixthIsRefused(0, '198.51.100.7')).toBe(true);
  });

  it('believes the proxy in front when TRUST_PROXY_HOPS is 1, counting each client address apart', async () => {
    expect(await sixthIsRefused(1, '198.51.100.8')).toBe(false);
  });
});
