import type { Command } from 'commander';
import { adminPaths } from '../paths.js';
import { CliError, green } from '../ui/output.js';

export function registerVerifyTruth(program: Command): void {
  program
    .command('verify-truth')
    .description('check that the truth in system Redis is the one the files compile to (exit 1 if not)')
    .action(async () => {
      // Loaded on run: ioredis and the truth compiler would slow every other ./admin command.
      const { truthVersion } = await import('@marketswarm/shared/truth');
      const { buildTruthFiles } = await import('../truth/build-truth-files.js');
      const { fetchLoadedTruth } = await import('../truth/loaded-truth.js');
      const paths = adminPaths();
      const files = await buildTruthFiles(paths, undefined, false);
      const loaded = await fetchLoadedTruth(paths);
      const { secrets: _secrets, ...loadedPublic } = loaded.doc;
      if (truthVersion(loadedPublic) !== loaded.version) {
        throw new CliError(`truth:doc in Redis does not match its truth:version ${loaded.version} (edited by hand?): run ./admin load-truth`);
      }
      if (files.version !== loaded.version) {
        throw new CliError(`truth in Redis (${loaded.version}) differs from the files (${files.version}): run ./admin load-truth`);
      }
      process.stderr.write(`${green('✓')} system Redis holds the truth the files compile to\n`);
      process.stdout.write(`${loaded.version}\n`);
    });
}
