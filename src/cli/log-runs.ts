import type { StudioRun } from '../control-center/run-studio.js';

interface RunLogger {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** Puts a Control Center run in the process log: failures always, quiet runs not at all. */
export function logRuns(log: RunLogger, runs: StudioRun[] | Error): void {
  if (runs instanceof Error) {
    log.error({ err: runs }, 'control center run failed');
    return;
  }
  for (const run of runs) {
    if (run.error)
      log.error({ studio: run.studioId, error: run.error }, 'control center run failed for a studio');
    else if (run.counts.queued + run.counts.withdrawn + run.counts.restored > 0) {
      log.info({ studio: run.studioId, ...run.counts }, 'control center run');
    }
  }
}
