import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { RecordWriter } from '../demo/record-writer.js';
import { seedStarterCatalogs } from '../demo/seed-starter-catalogs.js';
import { systemClock } from '../domain/clock.js';
import { openStore } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { studioContextOf } from '../store/studio-context.js';
import { createStudio } from '../store/studios.js';

interface StudioCreateOptions {
  name: string;
  timeZone: string;
  country: string;
  workWeek?: string;
  catalogs: boolean;
}

export function registerStudioCommand(program: Command): void {
  const studio = program.command('studio').description('manage studios');
  studio
    .command('create')
    .description('create a real (not sandbox) studio, with the starter catalogs unless --no-catalogs')
    .requiredOption('--name <name>', 'the studio name')
    .requiredOption('--time-zone <zone>', 'IANA time zone, e.g. America/Chicago')
    .requiredOption('--country <code>', 'ISO 3166 country code phone numbers are read in, e.g. US')
    .option('--work-week <days>', 'ISO weekdays that are business days, e.g. 1,2,3,4,5 (the default)')
    .option('--no-catalogs', 'start with empty status and type lists instead of the starter catalogs')
    .action(async (options: StudioCreateOptions) => {
      const config = loadConfig();
      const store = await openStore(config.databaseUrl);
      try {
        await migrateToLatest(store);
        const now = systemClock.now();
        const created = await store.db.transaction().execute(async (trx) => {
          const row = await createStudio(trx, systemClock, {
            name: options.name,
            time_zone: options.timeZone,
            country: options.country.toUpperCase(),
            ...(options.workWeek !== undefined ? { work_week: options.workWeek } : {}),
          });
          if (options.catalogs) {
            const writer = new RecordWriter(
              trx,
              studioContextOf(row),
              { userId: null, source: 'system' },
              now,
            );
            await seedStarterCatalogs(writer, now);
          }
          return row;
        });
        console.log(
          `Created studio ${created.id} "${created.name}" (${created.time_zone}, ${created.country}).`,
        );
        console.log(
          options.catalogs
            ? 'It has the starter catalogs: statuses, types, relationships, departments.'
            : 'Its catalogs are empty.',
        );
        console.log(
          'Next: give it an owner with `triggerfish user create` (see `triggerfish user create --help`).',
        );
      } finally {
        await store.close();
      }
    });
}
