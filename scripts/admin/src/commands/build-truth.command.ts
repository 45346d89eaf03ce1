import path from 'node:path';
import type { Command } from 'commander';
import { adminPaths } from '../paths.js';
import { buildTruthFiles } from '../truth/build-truth-files.js';
import { green } from '../ui/output.js';

export function registerBuildTruth(program: Command): void {
  program
    .command('build-truth')
    .description('validate truth/node.json and truth/components/*.json and write scripts/truth.json')
    .option('--dir <dir>', 'truth folder to read (default: truth/)')
    .action(async (opts: { dir?: string }) => {
      const paths = adminPaths();
      const built = await buildTruthFiles(paths, opts.dir ? path.resolve(opts.dir) : undefined);
      process.stderr.write(`${green('✓')} truth ${built.version}: ${Object.keys(built.truth.components).length} components, ${Object.keys(built.truth.topics).length} topics → ${path.relative(process.cwd(), paths.truthOut)}\n`);
      process.stdout.write(`${built.version}\n`);
    });
}
