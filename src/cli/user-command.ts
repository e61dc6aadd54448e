import type { Command } from 'commander';
import { AppError, notFound } from '../domain/errors.js';
import { generatePassword } from '../domain/generated-password.js';
import { loadStudioContext } from '../store/studio-context.js';
import { addMember } from '../store/studio-members.js';
import { createUser, findUserByEmail } from '../store/users.js';
import { defaultCliDeps, type CliDeps } from './cli-deps.js';
import { parseStudioId } from './parse-studio-id.js';
import { runWithStore } from './run-with-store.js';

interface UserCreateOptions {
  email: string;
  name: string;
  password?: string;
  studio?: number;
  role?: string;
}

/**
 * `triggerfish user create`: the way to the first owner of a new installation, and an operator's
 * way to add staff without the web app. A generated password is printed once and never stored.
 */
export function registerUserCommand(program: Command, deps: CliDeps = defaultCliDeps): void {
  const user = program.command('user').description('manage staff users');
  user
    .command('create')
    .description('create a staff user; with --studio, also make them a member of that studio')
    .requiredOption('--email <email>', 'the address they sign in with')
    .requiredOption('--name <name>', 'their name')
    .option('--password <password>', 'at least 10 characters (left out: one is generated and printed once)')
    .option('--studio <id>', 'make the user a member of this studio', parseStudioId)
    .option('--role <role>', 'role in the studio: owner, admin or staff (default: staff)')
    .action(async (options: UserCreateOptions, command: Command) =>
      runWithStore(command, deps, async ({ db }) => {
        const clock = deps.clock;
        if (options.role !== undefined && options.studio === undefined)
          throw new AppError('ERR_VALIDATION', '--role needs --studio: a role is held in a studio');
        const password = options.password ?? generatePassword();
        if (options.studio === undefined) {
          const created = await createUser(db, clock, { email: options.email, name: options.name, password });
          deps.print(`Created user ${created.id} ${created.email} (${created.name}), not yet in any studio`);
        } else {
          const studio = await loadStudioContext(db, options.studio);
          if (!studio) throw notFound('Studio', options.studio);
          // An existing account keeps its own password; the studio only gains a member.
          const existing = await findUserByEmail(db, options.email);
          const member = await addMember(db, clock, studio, 'owner', {
            email: options.email,
            name: options.name,
            role: options.role ?? 'staff',
            ...(existing && options.password === undefined ? {} : { password }),
          });
          const verb = existing ? 'Added existing user' : 'Created user';
          deps.print(
            `${verb} ${member.id} ${member.email} (${member.name}) to studio ${studio.id} as ${member.role}`,
          );
          if (existing) return;
        }
        if (options.password === undefined) {
          deps.print(`Password: ${password}`);
          deps.warn('This password is shown only now; hand it over safely and ask them to change it.');
        }
      }),
    );
}
