// Everything that runs in several processes at once (migrations, Control Centers, outbox
// dispatchers, a dispatcher killed mid-batch) lives in this one file, longer than most, because the
// children run the compiled code and this file builds it: two files would build dist/ at once.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { recordKind } from '../../src/domain/record-kinds/index.js';
import { openStore, type DialectName, type Store } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';
import { createRecord } from '../../src/store/records.js';
import { loadStudioContext, type StudioContext } from '../../src/store/studio-context.js';
import { createStudio } from '../../src/store/studios.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { dropSchema, PG_URL } from '../support/dialects.js';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { queueSmsDeliveries, type QueuedSms } from '../support/queued-sms-deliveries.js';
import { insertTrigger } from '../support/trigger-rows.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MIGRATE = fileURLToPath(new URL('../support/migrate-in-child.mjs', import.meta.url));
const CONTROL_CENTER = fileURLToPath(new URL('../support/control-center-in-child.mjs', import.meta.url));
const PROCESSES = 3;

interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last line the process printed, as JSON: the migrations it applied, its runs or counts. */
  result: any;
  stderr: string;
}

function startChild(script: string, args: string[]) {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // A child that died early cannot read "go"; its exit code tells the story.
  child.stdin.on('error', () => undefined);
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.startsWith('ready\n')) resolve();
    });
    child.on('close', () => resolve());
  });
  const done = new Promise<ChildResult>((resolve) => {
    child.on('close', (code, signal) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      resolve({ code, signal, stderr, result: /^[[{]/.test(last) ? JSON.parse(last) : null });
    });
  });
  return { ready, done, go: () => child.stdin.end('go\n'), kill: () => child.kill('SIGKILL') };
}

/**
 * Starts the processes, waits until every one has connected, then releases them together so that
 * their migrations overlap: a ready/go handshake over stdout and stdin, no sleeps.
 */
async function runConcurrently(script: string, args: string[]): Promise<ChildResult[]> {
  const children = Array.from({ length: PROCESSES }, () => startChild(script, args));
  await Promise.all(children.map((child) => child.ready));
  for (const child of children) child.go();
  return Promise.all(children.map((child) => child.done));
}

/** Every migration of the code base, as a new database applies them. */
async function allMigrations(): Promise<string[]> {
  const store = await openStore(':memory:');
  try {
    return await migrateToLatest(store);
  } finally {
    await store.close();
  }
}

async function expectMigratedOnce(results: ChildResult[], open: () => Promise<Store>): Promise<void> {
  const expected = (await allMigrations()).sort();
  for (const result of results) expect(result.code, result.stderr).toBe(0);
  // Each migration was applied by exactly one process; the others found nothing left to do.
  expect(results.flatMap((r) => (r.result as string[] | null) ?? []).sort()).toEqual(expected);
  const store = await open();
  try {
    const recorded = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
    expect(recorded.rows.map((r) => r.name).sort()).toEqual(expected);
    const tables = (await store.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['studios', 'clients', 'sessions', 'status_history']));
    expect(await migrateToLatest(store)).toEqual([]);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  // The children run the compiled code: build it from the current sources (incremental). One file
  // holds every several-processes test so that two test workers never build dist/ at once.
  const tsc = `${ROOT}/node_modules/typescript/bin/tsc`;
  await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT });
});

describe('migrations in several processes at once', () => {
  it(`${PROCESSES} processes migrating one new SQLite file at once all succeed and build the schema once`, async () => {
    const file = `${mkdtempSync(`${tmpdir()}/tf-migrate-`)}/studio.db`;
    const results = await runConcurrently(MIGRATE, [`file:${file}`]);
    await expectMigratedOnce(results, () => openStore(`file:${file}`));
  });

  it.skipIf(!PG_URL)(
    `${PROCESSES} processes migrating one new PostgreSQL schema at once all succeed and build it once`,
    async () => {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      try {
        const results = await runConcurrently(MIGRATE, [PG_URL as string, schema]);
        await expectMigratedOnce(results, () => openStore(PG_URL as string, { schema, poolSize: 1 }));
      } finally {
        await dropSchema(schema);
      }
    },
  );
});

/**
 * A studio with an automatic trigger (a reminder call on the call list) and 40 sessions whose
 * reminders are all due at `DUE_BY`.
 */
async function studioWithDueReminders(store: Store): Promise<number> {
  const clock = new ManualClock('2026-05-01T12:00:00Z');
  const studio = await createStudio(store.db, clock, {
    name: 'Busy',
    time_zone: 'America/Chicago',
    country: 'US',
  });
  const context = (await loadStudioContext(store.db, studio.id)) as StudioContext;
  const actor = { userId: null, source: 'system' } as const;
  const deps = { db: store.db, clock };
  const type = await createRecord(
    deps,
    context,
    recordKind('type'),
    { kind: 'session', name: 'Portrait' },
    actor,
  );
  const client = await createRecord(
    deps,
    context,
    recordKind('client'),
    { first_name: 'A', last_name: 'B' },
    actor,
  );
  const callType = await createRecord(
    deps,
    context,
    recordKind('type'),
    { kind: 'phone_call', name: 'Reminder call' },
    actor,
  );
  const triggerId = await insertTrigger(store.db, studio.id, clock.now(), {
    action: 'phone_call',
    action_settings: JSON.stringify({ call_type_id: callType.id }),
    processing: 'automatic',
    trigger_type: 'session_type',
    date_option: 'session_start',
    offset_when: 'before',
    offset_amount: 1,
    offset_unit: 'days',
  });
  clock.advance(60_000);
  for (let i = 0; i < 40; i += 1) {
    const start = new Date(Date.parse('2026-05-05T15:00:00Z') + i * 3_600_000).toISOString();
    await createRecord(
      deps,
      context,
      recordKind('session'),
      { client_id: client.id, session_type_id: type.id, start },
      actor,
    );
  }
  return triggerId;
}
const DUE_BY = '2026-05-07T12:00:00Z';

async function expectQueuedOnce(results: ChildResult[], store: Store, triggerId: number): Promise<void> {
  for (const result of results) expect(result.code, result.stderr).toBe(0);
  const queued = results
    .flatMap((r) => r.result as { counts: { queued: number } }[])
    .map((run) => run.counts.queued);
  expect(queued.reduce((a, b) => a + b, 0)).toBe(40);
  const items = await loose(store.db)
    .selectFrom('triggered_items')
    .select('id')
    .where('trigger_id', '=', triggerId)
    .execute();
  expect(items).toHaveLength(40);
  const transitions = await loose(store.db)
    .selectFrom('triggered_item_transitions')
    .select('item_id')
    .where(
      'item_id',
      'in',
      items.map((i) => i.id),
    )
    .execute();
  // Queued once and processed once each: two transitions per item, one call per item.
  expect(transitions).toHaveLength(80);
  const processed = results
    .flatMap((r) => r.result as { counts: { processed: number } }[])
    .reduce((sum, run) => sum + run.counts.processed, 0);
  expect(processed).toBe(40);
  const calls = await loose(store.db)
    .selectFrom('communications')
    .select('triggered_item_id')
    .where('channel', '=', 'phone_call')
    .execute();
  expect(calls.map((c) => Number(c.triggered_item_id)).sort()).toEqual(items.map((i) => Number(i.id)).sort());
}

describe('several Control Centers on one database at once', () => {
  it(`${PROCESSES} processes on one SQLite file queue and process each due item exactly once`, async () => {
    const file = `${mkdtempSync(`${tmpdir()}/tf-cc-`)}/studio.db`;
    const store = await openStore(`file:${file}`);
    try {
      await migrateToLatest(store);
      const triggerId = await studioWithDueReminders(store);
      const results = await runConcurrently(CONTROL_CENTER, [`file:${file}`, '', DUE_BY]);
      await expectQueuedOnce(results, store, triggerId);
    } finally {
      await store.close();
    }
  });

  it.skipIf(!PG_URL)(
    `${PROCESSES} processes on one PostgreSQL database queue and process each due item exactly once`,
    async () => {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const store = await openStore(PG_URL as string, { schema, poolSize: 2 });
      try {
        await migrateToLatest(store);
        const triggerId = await studioWithDueReminders(store);
        const results = await runConcurrently(CONTROL_CENTER, [PG_URL as string, schema, DUE_BY]);
        await expectQueuedOnce(results, store, triggerId);
      } finally {
        await store.close();
        await dropSchema(schema);
      }
    },
  );
});

const DISPATCHER = fileURLToPath(new URL('../support/dispatcher-in-child.mjs', import.meta.url));
/** Enough deliveries for many batches, and batches small enough for the dispatchers to interleave. */
const OUTBOX = 300;
const BATCH = 20;
const DISPATCH_AT = new Date('2026-05-07T12:00:00Z');

interface SharedOutbox {
  readonly store: Store;
  readonly queued: QueuedSms[];
  readonly twilio: FakeTwilio;
  /** The arguments of dispatcher-in-child.mjs for a dispatcher running at `now`. */
  args(now: Date): string[];
}

/**
 * A studio with `OUTBOX` SMS queued for Twilio in one database that the test and its children all
 * open (a SQLite file, or a PostgreSQL schema of its own), and one fake Twilio they all send to.
 */
async function withSharedOutbox(
  dialect: DialectName,
  body: (o: SharedOutbox) => Promise<void>,
): Promise<void> {
  const schema = dialect === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : '';
  const url =
    dialect === 'postgres' ? (PG_URL as string) : `file:${mkdtempSync(`${tmpdir()}/tf-dispatch-`)}/studio.db`;
  const store = await openStore(url, { schema, poolSize: 2 });
  const twilio = await startFakeTwilio();
  try {
    await migrateToLatest(store);
    const clock = new ManualClock(DISPATCH_AT);
    const studio = await createStudio(store.db, clock, {
      name: 'Busy',
      time_zone: 'America/Chicago',
      country: 'US',
      sms_from_number: '+12025550100',
    });
    const queued = await queueSmsDeliveries(store.db, studio.id, OUTBOX, DISPATCH_AT);
    const args = (now: Date) => [
      url,
      schema,
      String(studio.id),
      now.toISOString(),
      twilio.baseUrl,
      twilio.accountSid,
      twilio.authToken,
      String(BATCH),
    ];
    await body({ store, queued, twilio, args });
  } finally {
    await twilio.close();
    await store.close();
    if (schema) await dropSchema(schema);
  }
}

async function deliveryStates(store: Store, queued: readonly QueuedSms[]): Promise<Map<number, string>> {
  const rows = await loose(store.db)
    .selectFrom('deliveries')
    .select(['id', 'state'])
    .where(
      'id',
      'in',
      queued.map((q) => q.deliveryId),
    )
    .execute();
  return new Map(rows.map((row) => [Number(row.id), String(row.state)]));
}

/** Each delivery's transitions, as `from→to`, oldest first. */
async function transitionsOf(store: Store, queued: readonly QueuedSms[]): Promise<Map<number, string[]>> {
  const rows = await loose(store.db)
    .selectFrom('delivery_transitions')
    .select(['delivery_id', 'from_state', 'to_state'])
    .where(
      'delivery_id',
      'in',
      queued.map((q) => q.deliveryId),
    )
    .orderBy('id')
    .execute();
  const byDelivery = new Map<number, string[]>(queued.map((q) => [q.deliveryId, []]));
  for (const row of rows)
    byDelivery.get(Number(row.delivery_id))?.push(`${String(row.from_state)}→${String(row.to_state)}`);
  return byDelivery;
}

/** How many messages the provider accepted for each recipient. */
function receivedBy(twilio: FakeTwilio): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of twilio.messages) counts.set(message.to, (counts.get(message.to) ?? 0) + 1);
  return counts;
}

const SHARED_DATABASES: { dialect: DialectName; name: string; skip: boolean }[] = [
  { dialect: 'sqlite', name: 'one SQLite file', skip: false },
  {
    dialect: 'postgres',
    name: `one PostgreSQL database${PG_URL ? '' : ' (skipped: TEST_PG_URL is not set)'}`,
    skip: !PG_URL,
  },
];

for (const { dialect, name, skip } of SHARED_DATABASES) {
  describe(`outbox dispatchers in processes of their own on ${name}`, () => {
    it.skipIf(skip)(
      `two dispatchers never send a delivery twice, and share the ${OUTBOX} deliveries between them`,
      { timeout: 60_000 },
      async () => {
        await withSharedOutbox(dialect, async ({ store, queued, twilio, args }) => {
          // No answer until more than one batch is out: both dispatchers hold a claimed batch at once.
          twilio.holdAnswers();
          const children = [
            startChild(DISPATCHER, args(DISPATCH_AT)),
            startChild(DISPATCHER, args(DISPATCH_AT)),
          ];
          await Promise.all(children.map((child) => child.ready));
          for (const child of children) child.go();
          await Promise.race([twilio.untilHeld(BATCH + 1), ...children.map((child) => child.done)]);
          twilio.releaseAnswers();
          const results = await Promise.all(children.map((child) => child.done));
          for (const result of results) {
            expect(result.code, result.stderr).toBe(0);
            expect(result.result.sent).toBeGreaterThan(0);
          }
          expect(results.reduce((sum, r) => sum + Number(r.result.sent), 0)).toBe(OUTBOX);
          expect([...receivedBy(twilio).entries()].sort()).toEqual(queued.map((q) => [q.to, 1]).sort());
          expect(new Set((await deliveryStates(store, queued)).values())).toEqual(new Set(['sent']));
          for (const transitions of (await transitionsOf(store, queued)).values())
            expect(transitions).toEqual(['queued→sending', 'sending→sent']);
        });
      },
    );

    it.skipIf(skip)(
      'a dispatcher killed mid-batch loses nothing, and sends again only what was in flight at the kill',
      { timeout: 60_000 },
      async () => {
        await withSharedOutbox(dialect, async ({ store, queued, twilio, args }) => {
          twilio.holdAnswers();
          const killed = startChild(DISPATCHER, args(DISPATCH_AT));
          await killed.ready;
          killed.go();
          // The first batch is answered and recorded `sent`; the dispatcher then claims the next one,
          // which Twilio accepts without answering: killed now, it dies with those messages sent but
          // not recorded, the duplicate window.
          await Promise.race([twilio.untilHeld(BATCH), killed.done]);
          twilio.releaseAnswers({ keepHolding: true });
          await Promise.race([twilio.untilHeld(BATCH), killed.done]);
          killed.kill();
          const death = await killed.done;
          expect(death.signal, death.stderr).toBe('SIGKILL');
          twilio.releaseAnswers();

          const atKill = await deliveryStates(store, queued);
          const recipientsIn = (state: string) =>
            queued.filter((q) => atKill.get(q.deliveryId) === state).map((q) => q.to);
          const inFlight = recipientsIn('sending');
          expect(inFlight).toHaveLength(BATCH);
          expect(recipientsIn('sent')).toHaveLength(BATCH);
          expect(twilio.messages).toHaveLength(2 * BATCH);

          // A new dispatcher, once the killed one's lease (5 minutes) is over, takes back and drains.
          const restarted = startChild(
            DISPATCHER,
            args(new Date(DISPATCH_AT.getTime() + 5 * 60_000 + 1_000)),
          );
          await restarted.ready;
          restarted.go();
          const drained = await restarted.done;
          expect(drained.code, drained.stderr).toBe(0);
          expect(drained.result).toMatchObject({ returned: BATCH, sent: OUTBOX - BATCH, retrying: 0 });

          expect(new Set((await deliveryStates(store, queued)).values())).toEqual(new Set(['sent']));
          const received = receivedBy(twilio);
          expect(queued.filter((q) => !received.has(q.to))).toEqual([]);
          // Twice: exactly the messages in flight at the kill, each once more; what was recorded
          // `sent` before the kill never went again.
          const twice = [...received.entries()].filter(([, n]) => n > 1);
          expect(twice.map(([to]) => to).sort()).toEqual([...inFlight].sort());
          expect(Math.max(...received.values())).toBe(2);
          for (const to of recipientsIn('sent')) expect(received.get(to)).toBe(1);
          const transitions = await transitionsOf(store, queued);
          for (const q of queued)
            expect(transitions.get(q.deliveryId)).toEqual(
              atKill.get(q.deliveryId) === 'sending'
                ? ['queued→sending', 'sending→queued', 'queued→sending', 'sending→sent']
                : ['queued→sending', 'sending→sent'],
            );
        });
      },
    );
  });
}
