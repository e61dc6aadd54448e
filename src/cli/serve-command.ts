import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { systemClock } from '../domain/clock.js';
import { buildServer } from '../server/build-server.js';
import { openStore } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('migrate the database and start the HTTP server')
    .action(async () => {
      const config = loadConfig();
      const store = await openStore(config.databaseUrl);
      await migrateToLatest(store);
      const app = await buildServer({
        store,
        clock: systemClock,
        config,
        logger: { level: config.logLevel },
      });
      const shutdown = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      const address = await app.listen({ host: config.host, port: config.port });
      console.log(`Triggerfish is listening at ${address} (database: ${store.dialect})`);
    });
}
