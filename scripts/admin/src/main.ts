import { Command } from 'commander';
import { registerBackup } from './commands/backup.command.js';
import { registerBuildTruth } from './commands/build-truth.command.js';
import { registerCerts } from './commands/certs.command.js';
import { registerDocs } from './commands/docs.command.js';
import { registerKey } from './commands/key.command.js';
import { registerLoadTruth } from './commands/load-truth.command.js';
import { registerPublish } from './commands/publish.command.js';
import { registerShowTruth } from './commands/show-truth.command.js';
import { registerStackCommands } from './commands/stack.commands.js';
import { registerStatus } from './commands/status.command.js';
import { registerUser } from './commands/user.command.js';
import { registerVerifyTruth } from './commands/verify-truth.command.js';
import { CliError, fail } from './ui/output.js';

const program = new Command('admin')
  .description('MarketSwarm operator CLI: stack, status, truth, events, users, API keys, backups')
  .showHelpAfterError()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

registerStackCommands(program);
registerStatus(program);
registerBuildTruth(program);
registerLoadTruth(program);
registerShowTruth(program);
registerVerifyTruth(program);
registerPublish(program);
registerUser(program);
registerKey(program);
registerBackup(program);
registerCerts(program);
registerDocs(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CliError) {
    if (error.message) fail(error.message);
    process.exitCode = error.exitCode;
    return;
  }
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
