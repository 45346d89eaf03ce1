import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { renderSettingsTables, spliceSettings } from '../docs/settings-table.js';
import { adminPaths } from '../paths.js';
import { buildTruthFiles } from '../truth/build-truth-files.js';
import { CliError } from '../ui/output.js';

export function registerDocs(program: Command): void {
  program
    .command('docs')
    .description("regenerate the README's settings tables from the config metadata and truth")
    .option('--check', 'exit 1 if the README is out of date instead of writing it')
    .action(async (opts: { check?: boolean }) => {
      const paths = adminPaths();
      const { truth } = await buildTruthFiles(paths, undefined, false);
      const file = path.join(paths.repoRoot, 'README.md');
      const current = await readFile(file, 'utf8');
      const next = spliceSettings(current, renderSettingsTables(truth));
      if (opts.check) {
        if (next !== current) throw new CliError('README.md settings tables are out of date: run ./admin docs');
        return;
      }
      if (next !== current) await writeFile(file, next);
      process.stderr.write(next === current ? 'README.md is up to date\n' : 'README.md settings tables updated\n');
    });
}
