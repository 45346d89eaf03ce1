import path from 'node:path';
import type { Command } from 'commander';
import { adminPaths } from '../paths.js';
import { step } from '../ui/output.js';

export function registerLoadTruth(program: Command): void {
  program
    .command('load-truth')
    .description('build truth, merge secrets (env or scripts/truth_secrets.json) and write truth:doc/version/ts to system Redis atomically')
    .option('--dir <dir>', 'truth folder to read (default: truth/); scripts/truth.json is then left as it is')
    .option('--secrets <file>', 'secrets file (default: scripts/truth_secrets.json, optional)')
    .action(async (opts: { dir?: string; secrets?: string }) => {
      // Loaded on run: ioredis and the truth compiler would slow every other ./admin command.
      const { loadTruth } = await import('../truth/load-truth.js');
      const paths = adminPaths();
      const result = await step('load truth into system Redis', () =>
        loadTruth(paths, {
          ...(opts.dir ? { truthDir: path.resolve(opts.dir) } : {}),
          ...(opts.secrets ? { secretsFile: path.resolve(opts.secrets) } : {}),
        }),
      );
      process.stderr.write(`  loaded ${result.version} into ${result.url}\n`);
      process.stdout.write(`${result.version}\n`);
    });
}
