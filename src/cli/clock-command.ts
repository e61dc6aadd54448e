import type { Command } from 'commander';
import { advanceTestClock } from '../control-center/advance-test-clock.js';
import { studioNow } from '../control-center/studio-now.js';
import { getStudio } from '../store/studios.js';
import { defaultCliDeps, type CliDeps } from './cli-deps.js';
import { wholeNumber } from './option-parsers.js';
import { parseStudioId } from './parse-studio-id.js';
import { runWithStore } from './run-with-store.js';

interface AdvanceOptions {
  studio: number;
  to: string;
  step?: number;
}

/**
 * `triggerfish clock show|advance`: a sandbox studio's test clock from the terminal, the same
 * operation as `POST /api/v1/clock/advance` (SPEC §4).
 */
export function registerClockCommand(program: Command, deps: CliDeps = defaultCliDeps): void {
  const clock = program.command('clock').description("a sandbox studio's test clock");
  clock
    .command('show')
    .description("print a studio's now (its test clock for a sandbox)")
    .requiredOption('--studio <id>', 'the studio', parseStudioId)
    .action(async (options: { studio: number }, command: Command) =>
      runWithStore(command, deps, async ({ db }) => {
        deps.print(studioNow(await getStudio(db, options.studio), deps.clock).toISOString());
      }),
    );
  clock
    .command('advance')
    .description("move a sandbox studio's test clock forward and run the Control Center there")
    .requiredOption('--studio <id>', 'the sandbox studio', parseStudioId)
    .requiredOption('--to <instant>', 'where to move it, with an offset, e.g. 2026-12-05T09:00:00-05:00')
    .option(
      '--step <minutes>',
      'also run at every step of this many minutes on the way',
      wholeNumber(1, 10080),
    )
    .action(async (options: AdvanceOptions, command: Command) =>
      runWithStore(command, deps, async ({ db }) => {
        const result = await advanceTestClock(
          db,
          deps.clock,
          options.studio,
          {
            to: options.to,
            ...(options.step !== undefined ? { step_minutes: options.step } : {}),
          },
          { publicUrl: deps.publicUrl(), unsubscribeSecret: deps.unsubscribeSecret?.() ?? null },
        );
        const queued = result.runs.reduce((sum, run) => sum + run.counts.queued, 0);
        const failed = result.runs.filter((run) => run.error !== null);
        deps.print(
          `Studio ${options.studio}: ${result.from} → ${result.to}, ${result.runs.length} run(s), ${queued} item(s) queued.`,
        );
        for (const run of failed) deps.warn(`Run at ${run.runAt} failed: ${run.error}`);
      }),
    );
}
