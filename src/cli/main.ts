import { Command } from 'commander';
import { registerMigrateCommand } from './migrate-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerTokenCommand } from './token-command.js';
import { registerUserCommand } from './user-command.js';

/** The `triggerfish` command. Each subcommand lives in its own file. */
const program = new Command()
  .name('triggerfish')
  .description('Triggerfish: the automation engine of a photography studio')
  .showHelpAfterError();

registerServeCommand(program);
registerMigrateCommand(program);
registerUserCommand(program);
registerTokenCommand(program);

await program.parseAsync(process.argv);
