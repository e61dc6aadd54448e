import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { firstRun } from '../../src/cli/first-run.js';
import { systemClock, type Clock } from '../../src/domain/clock.js';
import { TRIGGER_TYPES, type TriggerTypeName } from '../../src/domain/triggers/trigger-types.js';
import { buildServer } from '../../src/server/build-server.js';
import { openStore, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { loose } from '../../src/store/record-table.js';
import { studioContextOf } from '../../src/store/studio-context.js';
import { createStudio } from '../../src/store/studios.js';
import { createTrigger } from '../../src/store/triggers.js';
import { addMembership } from '../../src/store/users.js';
import { launchChromium } from '../support/chromium.js';

/**
 * What `npm start` makes of a new database (the demo sandbox studio and its owner), plus a second,
 * real studio the owner also belongs to and a few triggers in the demo, then the real server on a
 * free port of 127.0.0.1.
 */
export async function startJourneyServer(store: Store, clock: Clock) {
  const run = await firstRun(store, clock, { demo: true, clients: 12 });
  if (run.kind !== 'demo') throw new Error('expected a new database to get the demo studio');
  const { studio, owner } = run.demo;
  const second = await createStudio(store.db, clock, {
    name: 'Lakeshore Weddings',
    time_zone: 'America/New_York',
    country: 'US',
    sender_name: 'Lakeshore Weddings',
    sender_email: 'hello@weddings.example',
  });
  await addMembership(store.db, clock, second.id, owner.id, 'owner');

  const taskType = await loose(store.db)
    .selectFrom('types')
    .select('id')
    .where('studio_id', '=', studio.id)
    .where('kind', '=', 'task')
    .executeTakeFirstOrThrow();
  const trigger = (name: string, type: TriggerTypeName, isActive: boolean) =>
    createTrigger({ db: store.db, clock }, studioContextOf(studio), {
      name,
      trigger_type: type,
      date_option: Object.keys(TRIGGER_TYPES[type].dateOptions)[0],
      action: 'task',
      action_settings: { task_type_id: Number(taskType.id), subject: 'Follow up' },
      is_active: isActive,
    });
  await trigger('Session follow-up call', 'session_status', true);
  await trigger('New client welcome task', 'client_status', true);
  await trigger('Lapsed client check-in', 'client_status', false);

  const app = await buildServer({ store, clock, config: loadConfig({}) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no port');
  return { app, url: `http://127.0.0.1:${address.port}`, owner, studio, second };
}

export type JourneyServer = Awaited<ReturnType<typeof startJourneyServer>>;

/** A journey's world: a new SQLite file with the demo studio, the real server, and Chromium. */
export interface Journey {
  readonly store: Store;
  readonly server: JourneyServer;
  /** A page at `viewport` (a tablet, unless said otherwise), waiting at most 10 s for anything. */
  newPage(options?: Parameters<Browser['newPage']>[0]): Promise<Page>;
  close(): Promise<void>;
}

export async function startJourney(): Promise<Journey> {
  const dir = await mkdtemp(join(tmpdir(), 'tf-journey-'));
  const store = await openStore(join(dir, 'triggerfish.db'));
  await migrateToLatest(store);
  const server = await startJourneyServer(store, systemClock);
  const browser = await launchChromium();
  return {
    store,
    server,
    newPage: async (options = {}) => {
      const page = await browser.newPage({ viewport: { width: 1024, height: 768 }, ...options });
      page.setDefaultTimeout(10_000);
      return page;
    },
    close: async () => {
      await browser.close();
      await server.app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Signs the demo owner in on the sign-in screen and waits for the app to open. */
export async function signInAsOwner(page: Page, server: JourneyServer): Promise<void> {
  await page.goto(`${server.url}/triggers`);
  await page.getByLabel('Email').fill(server.owner.email);
  await page.getByLabel(/^Password/).fill(server.owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Triggers' }).waitFor();
}
