import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { dropSchema, PG_URL } from '../support/dialects.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('../support/migrate-in-child.mjs', import.meta.url));
const PROCESSES = 3;

interface ChildResult {
  code: number | null;
  /** The migrations this process applied, as it printed them. */
  applied: string[] | null;
  stderr: string;
}

function startChild(args: string[]) {
  const child = spawn(process.execPath, [CHILD, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
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
      resolve({ code, stderr, applied: last.startsWith('[') ? (JSON.parse(last) as string[]) : null });
    });
  });
  return { ready, done, go: () => child.stdin.end('go\n') };
}

/**
 * Starts the processes, waits until every one has connected, then releases them together so that
 * their migrations overlap: a ready/go handshake over stdout and stdin, no sleeps.
 */
async function migrateConcurrently(args: string[]): Promise<ChildResult[]> {
  const children = Array.from({ length: PROCESSES }, () => startChild(args));
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
  expect(results.flatMap((r) => r.applied ?? []).sort()).toEqual(expected);
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

describe('migrations in several processes at once', () => {
  beforeAll(async () => {
    // The children run the compiled code: build it from the current sources (incremental).
    const tsc = `${ROOT}/node_modules/typescript/bin/tsc`;
    await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT });
  });

  it(`${PROCESSES} processes migrating one new SQLite file at once all succeed and build the schema once`, async () => {
    const file = `${mkdtempSync(`${tmpdir()}/tf-migrate-`)}/studio.db`;
    const results = await migrateConcurrently([`file:${file}`]);
    await expectMigratedOnce(results, () => openStore(`file:${file}`));
  });

  it.skipIf(!PG_URL)(
    `${PROCESSES} processes migrating one new PostgreSQL schema at once all succeed and build it once`,
    async () => {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      try {
        const results = await migrateConcurrently([PG_URL as string, schema]);
        await expectMigratedOnce(results, () => openStore(PG_URL as string, { schema, poolSize: 1 }));
      } finally {
        await dropSchema(schema);
      }
    },
  );
});
