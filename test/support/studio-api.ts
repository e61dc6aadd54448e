import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import type { Store } from '../../src/store/database.js';
import { apiClient, type ApiClient } from './api-client.js';
import { RecordSamples } from './record-samples.js';
import { makeServer, makeStudio, type StudioFixture } from './studio-fixture.js';

export interface StudioApi {
  clock: ManualClock;
  app: FastifyInstance;
  /** Studio A, in America/New_York with a Monday–Friday week, where the tests work. */
  studio: StudioFixture;
  owner: ApiClient;
  staff: ApiClient;
  samples: RecordSamples;
  /** Studio B: its rows must be invisible to studio A. */
  other: { studio: StudioFixture; owner: ApiClient; samples: RecordSamples };
}

/**
 * Sets up, for the enclosing `describe`, a server on the dialect's store, a manual clock and two
 * studios with API tokens; returns a getter, as the values exist only once `beforeAll` has run.
 */
export function useStudioApi(
  store: () => Store,
  start = '2026-03-06T15:00:00Z',
  settings: Record<string, unknown> = {},
): () => StudioApi {
  let context: StudioApi | undefined;
  beforeAll(async () => {
    const clock = new ManualClock(start);
    const app = await makeServer(store(), clock);
    const studio = await makeStudio(store(), clock, settings);
    const otherStudio = await makeStudio(store(), clock);
    const owner = apiClient(app, studio.tokens.owner);
    const otherOwner = apiClient(app, otherStudio.tokens.owner);
    context = {
      clock,
      app,
      studio,
      owner,
      staff: apiClient(app, studio.tokens.staff),
      samples: new RecordSamples(owner, studio.ownerId),
      other: {
        studio: otherStudio,
        owner: otherOwner,
        samples: new RecordSamples(otherOwner, otherStudio.ownerId),
      },
    };
  });
  afterAll(async () => {
    await context?.app.close();
  });
  return () => {
    if (!context) throw new Error('The studio API is set up in beforeAll');
    return context;
  };
}
