import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/domain/clock.js';
import { buildServer } from '../../src/server/build-server.js';
import { openStore } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { givePassword, PASSWORD } from '../../test/support/auth-fixture.js';
import { makeStudio } from '../../test/support/studio-fixture.js';
import { ApiClient } from '../src/api/api-client';
import { inProcessFetch } from './in-process-fetch';

/**
 * A real server on an in-memory SQLite database with one studio whose owner has a password, and an
 * API client of the web app that reaches it. `settings` are the studio's (e.g. `{ is_sandbox: true }`),
 * `env` the server's settings as environment variables (e.g. Twilio's, for its webhooks).
 */
export async function startTestStudio(
  settings: Record<string, unknown> = {},
  env: Record<string, string> = {},
) {
  const store = await openStore(':memory:');
  await migrateToLatest(store);
  const clock = new ManualClock('2026-03-06T15:00:00Z');
  const fixture = await makeStudio(store, clock, settings);
  await givePassword(store, clock, fixture.ownerId);
  const app = await buildServer({ store, clock, config: loadConfig(env) });
  const api = new ApiClient({ fetch: inProcessFetch(app) });
  const email = `owner-${fixture.studio.name.replace('Studio ', '')}@example.com`;
  return {
    store,
    clock,
    app,
    api,
    fixture,
    email,
    password: PASSWORD,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
