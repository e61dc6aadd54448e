import type { FastifyInstance, InjectOptions, RouteOptions } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import type { ManualClock } from '../../src/domain/clock.js';
import { buildServer } from '../../src/server/build-server.js';
import type { Store } from '../../src/store/database.js';
import { setPassword } from '../../src/store/users.js';

export const PASSWORD = 'correct horse battery';

/** A server with config overrides (e.g. a short rate-limit window), optionally listing its routes. */
export async function makeAuthServer(
  store: Store,
  clock: ManualClock,
  overrides: Partial<Config> = {},
  onRoute?: (route: RouteOptions) => void,
): Promise<FastifyInstance> {
  return buildServer({ store, clock, config: loadConfig({}, overrides), ...(onRoute ? { onRoute } : {}) });
}

export async function givePassword(store: Store, clock: ManualClock, userId: number, password = PASSWORD) {
  await setPassword(store.db, clock, userId, password);
}

/** A signed-in browser: the session cookie and the CSRF token it must echo on writes. */
export interface Browser {
  cookie: string;
  csrf: string;
  body: any;
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password = PASSWORD,
  extra: Record<string, unknown> = {},
): Promise<Browser> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password, ...extra },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'tf_session');
  if (!cookie) throw new Error('no session cookie');
  const body = JSON.parse(response.body);
  return { cookie: cookie.value, csrf: body.csrf_token, body };
}

/** A request as a browser sends it: the cookie, and the CSRF header unless `csrf: false`. */
export async function browserCall(
  app: FastifyInstance,
  browser: Browser,
  method: InjectOptions['method'],
  url: string,
  body?: unknown,
  options: { csrf?: boolean; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
  const response = await app.inject({
    method,
    url,
    cookies: { tf_session: browser.cookie },
    headers: { ...(options.csrf === false ? {} : { 'x-csrf-token': browser.csrf }), ...options.headers },
    ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
  });
  return {
    status: response.statusCode,
    body: response.body ? JSON.parse(response.body) : null,
    headers: response.headers,
  };
}
