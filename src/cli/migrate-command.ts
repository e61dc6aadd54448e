import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openStore } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (the server also does this on start)')
    .action(async () => {
      const config = loadConfig();
      const store = await openStore(config.databaseUrl);
      try {
        const applied = await migrateToLatest(store);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await store.close();
      }
    });
}
