import { Command } from 'commander';
import { registerClockCommand } from './clock-command.js';
import { registerControlCenterCommand } from './control-center-command.js';
import { registerDemoCommand } from './demo-command.js';
import { formatCliError } from './format-cli-error.js';
import { registerImportCommand } from './import-command.js';
import { registerMigrateCommand } from './migrate-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerTokenCommand } from './token-command.js';
import { registerUserCommand } from './user-command.js';
import { registerStudioCommand } from './studio-command.js';

/** The `triggerfish` command. Each subcommand lives in its own file. */
const program = new Command()
  .name('triggerfish')
  .description('Triggerfish: the automation engine of a photography studio')
  .showHelpAfterError();

registerServeCommand(program);
registerMigrateCommand(program);
registerControlCenterCommand(program);
registerClockCommand(program);
registerUserCommand(program);
registerTokenCommand(program);
registerStudioCommand(program);
registerDemoCommand(program);
registerImportCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`triggerfish: ${formatCliError(error)}`);
  process.exitCode = 1;
}
