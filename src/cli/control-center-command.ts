import type { Command } from 'commander';
import pino from 'pino';
import { loadConfig, publicUrlOf } from '../config.js';
import { deliveryChannels } from '../delivery/delivery-channels.js';
import { startControlCenter } from '../control-center/control-center-loop.js';
import { systemClock } from '../domain/clock.js';
import { openStore } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { logRuns } from './log-runs.js';

/**
 * `triggerfish control-center`: the Control Center as its own process, on the same database as the
 * server (start the server with CONTROL_CENTER=false then). On PostgreSQL several may run at once.
 */
export function registerControlCenterCommand(program: Command): void {
  program
    .command('control-center')
    .description('run the Control Center on its own: evaluate triggers every interval, until stopped')
    .action(async () => {
      const config = loadConfig();
      const log = pino({ level: config.logLevel });
      const store = await openStore(config.databaseUrl);
      await migrateToLatest(store);
      const delivery = deliveryChannels(config, systemClock);
      const loop = startControlCenter(
        store.db,
        systemClock,
        config.controlCenterIntervalSeconds * 1000,
        { publicUrl: publicUrlOf(config), ...delivery },
        (runs) => logRuns(log, runs),
      );
      log.info({ intervalSeconds: config.controlCenterIntervalSeconds }, 'control center started');
      const shutdown = async () => {
        await loop.stop();
        await delivery.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
