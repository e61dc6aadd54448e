import type { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import type { Store } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import type { CliDeps } from './cli-deps.js';

/**
 * Runs a command's work against the configured database, migrated first, and closes it afterwards.
 * A failure becomes a plain message naming the problem (no stack trace) and exit code 1, through
 * commander, so that scripts can tell success from failure.
 */
export async function runWithStore(
  command: Command,
  deps: CliDeps,
  work: (store: Store) => Promise<void>,
): Promise<void> {
  let failure: unknown = null;
  let store: Store | undefined;
  try {
    store = await deps.openStore();
    await migrateToLatest(store);
    await work(store);
  } catch (error) {
    failure = error;
  } finally {
    await store?.close();
  }
  if (failure === null) return;
  // The input was understood; the usage text would bury the one line that matters.
  command.showHelpAfterError(false);
  command.error(describeFailure(failure), { exitCode: 1, code: 'triggerfish.failed' });
}

function describeFailure(error: unknown): string {
  if (error instanceof AppError) {
    const details = error.details
      .filter((d) => !error.message.endsWith(`${d.path} ${d.problem}`))
      .map((d) => `\n  - ${d.path || '(input)'}: ${d.problem}`);
    return `error: ${error.message}${details.join('')}`;
  }
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}
