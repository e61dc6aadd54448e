import type { FastifyInstance, InjectOptions } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/domain/clock.js';
import { buildServer } from '../../src/server/build-server.js';
import { createApiToken } from '../../src/store/api-tokens.js';
import type { Store } from '../../src/store/database.js';
import type { Role } from '../../src/store/schema.js';
import { loadStudioContext, type StudioContext } from '../../src/store/studio-context.js';
import { createStudio, type StudioRow } from '../../src/store/studios.js';
import { addMembership, createUser } from '../../src/store/users.js';

export interface StudioFixture {
  studio: StudioRow;
  ownerId: number;
  /** User ids of the studio's owner, admin and staff member. */
  userIds: Record<Role, number>;
  /** Bearer tokens of the studio's owner, an admin and a staff member. */
  tokens: Record<Role, string>;
}

let counter = 0;

/** A studio with an owner, an admin and a staff member, each with an API token. */
export async function makeStudio(
  store: Store,
  clock: ManualClock,
  settings: Record<string, unknown> = {},
): Promise<StudioFixture> {
  counter += 1;
  const tag = `${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const studio = await createStudio(store.db, clock, {
    name: `Studio ${tag}`,
    time_zone: 'America/New_York',
    country: 'US',
    ...settings,
  });
  const tokens = {} as Record<Role, string>;
  const userIds = {} as Record<Role, number>;
  for (const role of ['owner', 'admin', 'staff'] as const) {
    const user = await createUser(store.db, clock, {
      email: `${role}-${tag}@example.com`,
      name: `${role} ${tag}`,
    });
    await addMembership(store.db, clock, studio.id, user.id, role);
    userIds[role] = user.id;
    tokens[role] = (await createApiToken(store.db, clock, studio.id, user.id, `${role} token`, role)).token;
  }
  return { studio, ownerId: userIds.owner, userIds, tokens };
}

/** A fresh studio as the engine sees it. */
export async function makeStudioContext(store: Store, clock: ManualClock): Promise<StudioContext> {
  const { studio } = await makeStudio(store, clock);
  return (await loadStudioContext(store.db, studio.id)) as StudioContext;
}

export async function makeServer(
  store: Store,
  clock: ManualClock,
  env: Record<string, string> = {},
): Promise<FastifyInstance> {
  return buildServer({ store, clock, config: loadConfig(env) });
}

/** Sends a request with a bearer token and returns status and parsed JSON body. */
export async function call(
  app: FastifyInstance,
  token: string | null,
  method: InjectOptions['method'],
  url: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const response = await app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
  });
  return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null };
}
