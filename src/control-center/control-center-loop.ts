import type { Clock } from '../domain/clock.js';
import type { Db } from '../store/database.js';
import type { ProcessSettings } from '../processing/process-item.js';
import { runControlCenter } from './run-control-center.js';
import type { StudioRun } from './run-studio.js';

export interface ControlCenterLoop {
  /**
   * Stops: the run in progress finishes its evaluation and processing, sends already handed to a
   * provider are recorded, and deliveries it claimed but has not sent go back to the queue.
   */
  stop(): Promise<void>;
}

/**
 * Runs the Control Center now and then every `intervalMs`, inside the server or as its own process.
 * A run never overlaps the previous one; a run that fails is reported and the next one still
 * comes (each studio's failure is already on its run row).
 */
export function startControlCenter(
  db: Db,
  clock: Clock,
  intervalMs: number,
  settings: ProcessSettings,
  report: (runs: StudioRun[] | Error) => void,
): ControlCenterLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const stopping = new AbortController();
  const tick = () => {
    current = runControlCenter(db, clock, { ...settings, signal: stopping.signal })
      .then(report, (error: unknown) => report(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      stopping.abort();
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
