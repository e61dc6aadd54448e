import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { CurrentSchemaPostgresDialect } from './postgres-dialect.js';
import type { Database } from './schema.js';
import { ImmediateSqliteDialect } from './sqlite-dialect.js';

export type DialectName = 'sqlite' | 'postgres';

export type Db = Kysely<Database>;

export interface Store {
  readonly db: Db;
  readonly dialect: DialectName;
  /** PostgreSQL: the schema the tables live in (Kysely's migration tables must be looked up there). */
  readonly schema?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL schema to use (tests give each file its own); created if missing. */
  schema?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

/**
 * Opens the database named by a URL: `file:PATH` or a plain path for SQLite (`:memory:` too), and
 * `postgres://` or `postgresql://` for PostgreSQL. This is the one place that knows the driver.
 */
export async function openStore(url: string, options: OpenOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options);
  return openSqlite(url.replace(/^file:/, ''));
}

async function openSqlite(path: string): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('busy_timeout = 10000');
  await switchToWal(sqlite);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // Gathers the planner's statistics for tables that have none or have grown tenfold (bounded
  // work, as SQLite recommends on opening a long-lived connection). Without them SQLite guesses
  // which index to use, and for the evaluator's joins with status history it guesses wrong.
  sqlite.pragma('optimize = 0x10002');
  // SQLite's lower() folds ASCII letters only, so a search for "ÅNGSTRÖM" would miss "Ångström"
  // here while PostgreSQL finds it. List search lowers both sides; make it mean the same on both.
  sqlite.function('lower', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.toLowerCase() : text,
  );
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * WAL mode is kept in the file, so this matters only for a new one. Switching needs an exclusive
 * lock, and SQLite answers SQLITE_BUSY at once, without the busy timeout, when another process is
 * switching the same new file (two servers or migrations starting together): try again shortly.
 */
async function switchToWal(sqlite: BetterSqlite3.Database): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      sqlite.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= 200) throw error;
      await delay(25);
    }
  }
}

// int8 (counts, bigint ids, cents) and numeric arrive as strings by default; every value we store
// fits in a double, so read them as numbers once, here.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

async function openPostgres(url: string, options: OpenOptions): Promise<Store> {
  const { schema } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`Bad schema name ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists ${schema}`);
    } catch (error) {
      // Two processes creating the schema at once: "if not exists" does not stop the loser from
      // failing on the catalog's unique index. The schema is there either way.
      if ((error as { code?: string }).code !== '23505') throw error;
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  const current = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const inSchema = current.rows[0]?.schema ?? 'public';
  return { db, dialect: 'postgres', schema: inSchema, close: () => db.destroy() };
}
