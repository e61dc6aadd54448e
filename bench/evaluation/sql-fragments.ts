import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from '../../src/store/database.js';

/**
 * The few SQL spellings the dataset generator needs that differ between SQLite and PostgreSQL:
 * instants and dates from epoch seconds, in the formats the product stores (ISO 8601 in UTC with
 * milliseconds, and YYYY-MM-DD), and the smaller of two numbers.
 */
export interface SqlFragments {
  iso(epochSeconds: string): string;
  date(epochSeconds: string): string;
  least(a: string, b: string): string;
}

export function sqlFragments(dialect: DialectName): SqlFragments {
  if (dialect === 'sqlite') {
    return {
      iso: (e) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${e}, 'unixepoch')`,
      date: (e) => `strftime('%Y-%m-%d', ${e}, 'unixepoch')`,
      least: (a, b) => `min(${a}, ${b})`,
    };
  }
  return {
    iso: (e) => `to_char(to_timestamp(${e}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    date: (e) => `to_char(to_timestamp(${e}) at time zone 'UTC', 'YYYY-MM-DD')`,
    least: (a, b) => `least(${a}, ${b})`,
  };
}

/**
 * `count` rows numbered n = 0 … count−1, from a recursive query both databases run, so a table of a
 * million rows is written by one INSERT … SELECT instead of a million round trips.
 */
export function numbered(count: number, select: string): RawBuilder<unknown> {
  return sql.raw(
    `with recursive seq(n) as (select cast(0 as bigint) union all select n + 1 from seq where n < ${count - 1}) ${select}`,
  );
}

/**
 * A repeatable pseudo-random number in [0, modulo) from a row number and a salt: Knuth's
 * multiplicative hash, taken modulo 2³² before `modulo` so that different salts do not give merely
 * shifted copies of one sequence.
 */
export function hashOf(n: string, salt: number, modulo: number | string): string {
  return `((((${n} + ${salt * 7919}) * 2654435761) % 4294967296) % ${modulo})`;
}
