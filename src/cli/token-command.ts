import type { Command } from 'commander';
import { notFound } from '../domain/errors.js';
import { createApiToken } from '../store/api-tokens.js';
import { loadStudioContext } from '../store/studio-context.js';
import { findUserByEmail } from '../store/users.js';
import { defaultCliDeps, type CliDeps } from './cli-deps.js';
import { parseStudioId } from './parse-studio-id.js';
import { runWithStore } from './run-with-store.js';

interface TokenCreateOptions {
  studio: number;
  user: string;
  name: string;
  role: string;
}

/**
 * `triggerfish token create`: an API token for an integration, acting as a member of the studio.
 * The token goes to stdout alone (so a script can capture it); the warning goes to stderr.
 */
export function registerTokenCommand(program: Command, deps: CliDeps = defaultCliDeps): void {
  const token = program.command('token').description('manage API tokens');
  token
    .command('create')
    .description('create an API token for a studio, acting as one of its members')
    .requiredOption('--studio <id>', 'the studio the token works in', parseStudioId)
    .requiredOption('--user <email>', 'the member the token acts as')
    .requiredOption('--name <name>', 'what the token is for, e.g. "booking site"')
    .option('--role <role>', "owner, admin or staff; at most the user's own role", 'staff')
    .action(async (options: TokenCreateOptions, command: Command) =>
      runWithStore(command, deps, async ({ db }) => {
        const studio = await loadStudioContext(db, options.studio);
        if (!studio) throw notFound('Studio', options.studio);
        const user = await findUserByEmail(db, options.user);
        if (!user) throw notFound('User with the email', options.user);
        const created = await createApiToken(db, deps.clock, studio.id, user.id, options.name, options.role);
        deps.print(created.token);
        deps.warn(
          `Token ${created.id} "${created.name}" (${created.role}) for studio ${studio.id}, acting as ${user.email}.`,
        );
        deps.warn('It is shown only now and cannot be shown again: store it safely.');
      }),
    );
}
