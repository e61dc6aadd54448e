import type { Transaction } from 'kysely';
import type { Clock } from '../domain/clock.js';
import { generatePassword } from '../domain/generated-password.js';
import type { RecordKindName } from '../domain/record-kinds/index.js';
import type { Database } from '../store/schema.js';
import { studioContextOf } from '../store/studio-context.js';
import { createStudio, type StudioRow } from '../store/studios.js';
import { createDemoOwner, createDemoStaff, freeDemoDomain } from './demo-staff.js';
import { DemoTime } from './demo-time.js';
import { planDemoClients } from './plan-demo-clients.js';
import { RecordWriter } from './record-writer.js';
import { SeededRandom } from './seeded-random.js';
import { seedStarterCatalogs } from './seed-starter-catalogs.js';
import { writeDemoClients } from './write-demo-clients.js';
import { writeDemoLeadWork } from './write-demo-leads.js';
import { writeDemoSessions } from './write-demo-sessions.js';

export const DEFAULT_DEMO_SEED = 1;
export const DEFAULT_DEMO_CLIENTS = 200;

export interface DemoOptions {
  seed?: number;
  /** How many clients; the rest of the studio scales with it. */
  clients?: number;
}

export interface DemoStudio {
  studio: StudioRow;
  /** The owner's sign-in: the password exists nowhere else, so it is shown once. */
  owner: { id: number; email: string; password: string };
  /** Records created, per kind. */
  counts: Partial<Record<RecordKindName, number>>;
}

/**
 * Builds a sandbox demo studio inside the caller's transaction (all of it or nothing): the studio,
 * its owner and staff, the starter catalogs, and a client base with sessions, appointments,
 * invoices, orders, tasks and web forms spread over the 60 days before and after the clock's now.
 * Every record is written through the store, at the moment it "happened", so status history and
 * anchor timestamps are what the API would have produced. The same seed and clock give the same
 * studio (ids and the owner's password aside).
 */
export async function buildDemoStudio(
  trx: Transaction<Database>,
  clock: Clock,
  options: DemoOptions = {},
): Promise<DemoStudio> {
  const now = clock.now();
  const at: Clock = { now: () => now };
  const rng = new SeededRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const { domain, number } = await freeDemoDomain(trx);
  const name =
    number === 1 ? 'Lakeshore Portrait Studio (demo)' : `Lakeshore Portrait Studio (demo ${number})`;
  const studio = await createStudio(trx, at, {
    name,
    time_zone: 'America/Chicago',
    country: 'US',
    work_week: [1, 2, 3, 4, 5, 6],
    sender_name: 'Lakeshore Portrait Studio',
    sender_email: `hello@${domain}`,
    sms_from_number: '(312) 555-0100',
    is_sandbox: true,
    sms_help_text: 'Lakeshore Portrait Studio: call us at (312) 555-0100. Reply STOP to opt out.',
  });
  const password = generatePassword();
  const owner = await createDemoOwner(trx, at, studio.id, domain, password);

  const context = studioContextOf(studio);
  const time = new DemoTime(now, context.timeZone);
  const writer = new RecordWriter(trx, context, { userId: null, source: 'demo' }, now);
  const plans = planDemoClients(rng, time, options.clients ?? DEFAULT_DEMO_CLIENTS);
  // The studio set up its lists the day before its first client walked in.
  const firstClientAt = plans[0]?.createdAt ?? now;
  const catalogs = await seedStarterCatalogs(writer, time.plus(firstClientAt, { days: -1 }));
  const staff = await createDemoStaff(trx, at, studio.id, domain, owner.id, catalogs);

  const ctx = { writer, rng, time, catalogs, staff };
  const clients = await writeDemoClients(ctx, plans);
  await writeDemoSessions(ctx, clients);
  await writeDemoLeadWork(ctx, clients);
  return { studio, owner: { ...owner, password }, counts: writer.counts };
}
