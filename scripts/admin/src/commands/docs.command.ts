import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { adminPaths } from '../paths.js';
import { CliError } from '../ui/output.js';

export function registerDocs(program: Command): void {
  program
    .command('docs')
    .description("regenerate the README's settings tables and truth/schema/*.json from the config metadata and truth")
    .option('--check', 'exit 1 if the README is out of date instead of writing it')
    .action(async (opts: { check?: boolean }) => {
      // Loaded on run: the truth compiler and config metadata would slow every other ./admin command.
      const { truthJsonSchemas } = await import('@marketswarm/shared/truth');
      const { renderSettingsTables, spliceSettings } = await import('../docs/settings-table.js');
      const { buildTruthFiles } = await import('../truth/build-truth-files.js');
      const paths = adminPaths();
      const { truth } = await buildTruthFiles(paths, undefined, false);
      const file = path.join(paths.repoRoot, 'README.md');
      const current = await readFile(file, 'utf8');
      const outputs: [string, string][] = [
        [file, spliceSettings(current, renderSettingsTables(truth))],
        ...Object.entries(truthJsonSchemas()).map(([name, text]): [string, string] => [path.join(paths.truthDir, 'schema', name), text]),
      ];
      for (const [target, text] of outputs) {
        const before = await readFile(target, 'utf8').catch(() => '');
        const name = path.relative(paths.repoRoot, target);
        if (before === text) continue;
        if (opts.check) throw new CliError(`${name} is out of date: run ./admin docs`);
        await writeFile(target, text);
        process.stderr.write(`updated ${name}\n`);
      }
    });
}
