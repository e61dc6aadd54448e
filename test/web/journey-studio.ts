import { loadConfig } from '../../src/config.js';
import { firstRun } from '../../src/cli/first-run.js';
import type { Clock } from '../../src/domain/clock.js';
import { TRIGGER_TYPES, type TriggerTypeName } from '../../src/domain/triggers/trigger-types.js';
import { buildServer } from '../../src/server/build-server.js';
import type { Store } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';
import { studioContextOf } from '../../src/store/studio-context.js';
import { createStudio } from '../../src/store/studios.js';
import { createTrigger } from '../../src/store/triggers.js';
import { addMembership } from '../../src/store/users.js';

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
