import type { Command } from 'commander';
import type { AddressInfo } from 'node:net';
import { loadConfig, publicUrlOf } from '../config.js';
import { deliveryChannels } from '../delivery/delivery-channels.js';
import { systemClock } from '../domain/clock.js';
import { buildServer } from '../server/build-server.js';
import { openStore } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { clickableAddress, describeDatabase, firstRunBanner } from './first-run-banner.js';
import { firstRun } from './first-run.js';
import { logRuns } from './log-runs.js';
import { startControlCenter } from '../control-center/control-center-loop.js';
import { wholeNumber } from './option-parsers.js';

interface ServeOptions {
  demo: boolean;
  port?: number;
  host?: string;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('migrate the database, create the demo studio on a new one, and start the HTTP server')
    .option('--no-demo', 'do not create the demo studio on a new database (also TRIGGERFISH_DEMO=false)')
    .option('--port <port>', 'port to listen on, 0 for any free one (overrides PORT)', wholeNumber(0, 65535))
    .option('--host <host>', 'address to listen on (overrides HOST)')
    .action(async (options: ServeOptions) => {
      const config = loadConfig(undefined, {
        ...(options.port !== undefined ? { port: options.port } : {}),
        ...(options.host !== undefined ? { host: options.host } : {}),
      });
      const store = await openStore(config.databaseUrl);
      try {
        await migrateToLatest(store);
        const run = await firstRun(store, systemClock, { demo: config.demo && options.demo });
        // One set of channels for the API and the Control Center, so rate limits and pools are shared.
        const delivery = deliveryChannels(config, systemClock);
        const app = await buildServer({
          store,
          clock: systemClock,
          config,
          logger: { level: config.logLevel },
          delivery,
        });
        const controlCenter = config.controlCenter
          ? startControlCenter(
              store.db,
              systemClock,
              config.controlCenterIntervalSeconds * 1000,
              { publicUrl: publicUrlOf(config), ...delivery },
              (runs) => logRuns(app.log, runs),
            )
          : null;
        const shutdown = async () => {
          // The run in progress finishes (its sends complete and are recorded) before channels close.
          await controlCenter?.stop();
          await app.close();
          await delivery.close();
          await store.close();
          process.exit(0);
        };
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
        await app.listen({ host: config.host, port: config.port });
        // With --port 0 only the socket knows the port it got.
        const { port } = app.server.address() as AddressInfo;
        const address = clickableAddress(config.host, port);
        console.log(firstRunBanner(run, address, describeDatabase(config.databaseUrl)));
      } catch (error) {
        await store.close();
        throw error;
      }
    });
}
