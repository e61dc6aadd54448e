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
import { openStore, type Store } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';
import { createRecord } from '../../src/store/records.js';
import { loadStudioContext, type StudioContext } from '../../src/store/studio-context.js';
import { createStudio } from '../../src/store/studios.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { dropSchema, PG_URL } from '../support/dialects.js';
import { insertTrigger } from '../support/trigger-rows.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MIGRATE = fileURLToPath(new URL('../support/migrate-in-child.mjs', import.meta.url));
const CONTROL_CENTER = fileURLToPath(new URL('../support/control-center-in-child.mjs', import.meta.url));
const PROCESSES = 3;

interface ChildResult {
  code: number | null;
  /** The last line the process printed, as JSON: the migrations it applied, or its runs. */
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
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      resolve({ code, stderr, result: last.startsWith('[') ? JSON.parse(last) : null });
    });
  });
  return { ready, done, go: () => child.stdin.end('go\n') };
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
