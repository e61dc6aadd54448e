import type { Kysely, Transaction } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

/**
 * Registry tables have columns that only the registry knows, so their rows are typed loosely here
 * and nowhere else; the record modules check names against the registry before they reach SQL.
 */
export type LooseRow = Record<string, string | number | null>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseDb = Kysely<any>;

export function loose(db: Db | Transaction<Database>): LooseDb {
  return db as unknown as LooseDb;
}
