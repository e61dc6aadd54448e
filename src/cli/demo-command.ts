import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { buildDemoStudio, DEFAULT_DEMO_CLIENTS, DEFAULT_DEMO_SEED } from '../demo/build-demo-studio.js';
import { systemClock } from '../domain/clock.js';
import { openStore } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { wholeNumber } from './option-parsers.js';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('add another sandbox demo studio, with its owner, to the database')
    .option(
      '--seed <n>',
      `seed of the generated data (default ${DEFAULT_DEMO_SEED})`,
      wholeNumber(0, 2 ** 32 - 1),
    )
    .option('--clients <n>', `number of clients (default ${DEFAULT_DEMO_CLIENTS})`, wholeNumber(1, 100_000))
    .action(async (options: { seed?: number; clients?: number }) => {
      const config = loadConfig();
      const store = await openStore(config.databaseUrl);
      try {
        await migrateToLatest(store);
        const started = performance.now();
        const demo = await store.db
          .transaction()
          .execute((trx) => buildDemoStudio(trx, systemClock, options));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const records = Object.values(demo.counts).reduce((sum, n) => sum + n, 0);
        console.log(
          `Created the sandbox studio ${demo.studio.id} "${demo.studio.name}": ${records} records in ${seconds} s.`,
        );
        console.log(`  Email     ${demo.owner.email}`);
        console.log(`  Password  ${demo.owner.password}`);
        console.log('The password is shown only now: copy it.');
      } finally {
        await store.close();
      }
    });
}
