import { Command, CommanderError } from 'commander';
import type { CliDeps } from '../../src/cli/cli-deps.js';
import type { ManualClock } from '../../src/domain/clock.js';
import type { Store } from '../../src/store/database.js';

export interface CliRun {
  exitCode: number;
  stdout: string[];
  stderr: string[];
}

/**
 * Runs `triggerfish <args>` in-process against a test database, the way main.ts wires commands,
 * with commander's exit turned into a result instead of ending the test process.
 */
export async function runCli(
  register: (program: Command, deps: CliDeps) => void,
  store: Store,
  clock: ManualClock,
  args: string[],
): Promise<CliRun> {
  const run: CliRun = { exitCode: 0, stdout: [], stderr: [] };
  const program = new Command()
    .name('triggerfish')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void run.stdout.push(text.trimEnd()),
      writeErr: (text) => void run.stderr.push(text.trimEnd()),
    });
  register(program, {
    // The test keeps its database open across runs.
    openStore: async () => ({ ...store, close: async () => {} }),
    publicUrl: () => 'http://triggerfish.test',
    clock,
    print: (line) => void run.stdout.push(line),
    warn: (line) => void run.stderr.push(line),
  });
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    run.exitCode = error.exitCode;
  }
  return run;
}
