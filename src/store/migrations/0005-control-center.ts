import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { idColumn, index } from './table-builder.js';

/**
 * The Control Center's run log (SPEC §4: each run logged with start, end, counts and errors, and
 * visible to staff), and a sandbox studio's test clock: the studio-time "now" that runs use
 * instead of the system clock.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await idColumn(db.schema.createTable('control_center_runs'), dialect)
    .addColumn('studio_id', 'bigint', (col) => col.notNull().references('studios.id').onDelete('cascade'))
    // The studio time the run worked at: the test clock's for sandbox studios.
    .addColumn('run_at', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('counts', 'text', (col) => col.notNull())
    .addColumn('error', 'text')
    .execute();
  await index(db, 'control_center_runs', ['studio_id', 'started_at']);
  await db.schema.alterTable('studios').addColumn('test_clock_at', 'text').execute();
}
