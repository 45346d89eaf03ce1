import path from 'node:path';
import type { Command } from 'commander';
import { adminPaths } from '../paths.js';
import { CliError, green } from '../ui/output.js';

interface BuildTruthOptions {
  check?: boolean;
  dir?: string;
  out?: string;
}

export function registerBuildTruth(program: Command): void {
  program
    .command('build-truth')
    .description('validate truth/node.json and truth/components/*.json (settings included) and write scripts/truth.json')
    .option('--check', 'validate and print the version; write nothing')
    .option('--dir <dir>', 'truth folder to read instead of truth/ (needs --check or --out)')
    .option('--out <file>', 'write the compiled truth here instead of scripts/truth.json')
    .addHelpText(
      'after',
      `
scripts/truth.json is what pm2 and ./admin status read for the running stack, so only truth/
itself is built into it. Another folder is either checked or written somewhere else:

  ./admin build-truth                            # truth/ → scripts/truth.json
  ./admin build-truth --check                    # validate truth/, write nothing
  ./admin build-truth --check --dir /tmp/truth   # validate another folder, write nothing
  ./admin build-truth --dir /tmp/truth --out /tmp/truth.json

Every problem is printed as "file: json.path: reason" and the command exits 1 without writing.`,
    )
    .action(async (opts: BuildTruthOptions) => {
      const paths = adminPaths();
      const truthDir = opts.dir ? path.resolve(opts.dir) : paths.truthDir;
      const output = targetOf(opts, truthDir === paths.truthDir, paths.truthOut);
      // The truth compiler (zod schemas of every component) loads only when this command runs, so
      // registering it costs the other ./admin commands nothing.
      const { buildTruthFiles } = await import('../truth/build-truth-files.js');
      const built = await buildTruthFiles(paths, truthDir, output);
      const where = output === false ? '(checked; nothing written)' : `→ ${path.relative(process.cwd(), output) || output}`;
      process.stderr.write(`${green('✓')} truth ${built.version}: ${Object.keys(built.truth.components).length} components, ${Object.keys(built.truth.topics).length} topics ${where}\n`);
      process.stdout.write(`${built.version}\n`);
    });
}

/** Where the compiled truth goes: nowhere with --check, --out when given, scripts/truth.json only for truth/ itself. */
function targetOf(opts: BuildTruthOptions, isRepoTruth: boolean, stackFile: string): string | false {
  if (opts.check && opts.out) throw new CliError('--check writes nothing, so --out makes no sense with it: drop one of them');
  if (opts.check) return false;
  if (opts.out) return path.resolve(opts.out);
  if (!isRepoTruth) {
    throw new CliError(`--dir ${opts.dir ?? ''} would overwrite scripts/truth.json of the running stack: add --check to validate only, or --out <file> to write elsewhere`);
  }
  return stackFile;
}
