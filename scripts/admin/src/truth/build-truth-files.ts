import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compileTruth, formatTruthProblem, readTruthSources, type PublicTruth } from '@marketswarm/shared/truth';
import { CliError } from '../ui/output.js';
import type { AdminPaths } from '../paths.js';

export interface BuiltTruth {
  truth: PublicTruth;
  version: string;
}

/**
 * Compiles a truth folder (truth/ by default) and writes the result to `output` (scripts/truth.json
 * by default; `false` writes nothing). Every problem is printed as `file: path: reason`.
 */
export async function buildTruthFiles(paths: AdminPaths, truthDir = paths.truthDir, output: string | false = paths.truthOut): Promise<BuiltTruth> {
  let sources;
  try {
    sources = await readTruthSources(truthDir, paths.repoRoot);
  } catch (error) {
    throw new CliError(`cannot read truth sources in ${path.relative(paths.repoRoot, truthDir) || truthDir}: ${(error as Error).message}`);
  }
  const compiled = compileTruth(sources.node, sources.components);
  if (!compiled.ok) {
    const n = compiled.problems.length;
    throw new CliError(`${compiled.problems.map(formatTruthProblem).join('\n')}\ninvalid truth: ${n} problem${n === 1 ? '' : 's'}; nothing was written`);
  }
  if (output !== false) {
    await mkdir(path.dirname(output), { recursive: true });
    await writeFile(output, `${JSON.stringify({ version: compiled.version, ...compiled.truth }, null, 2)}\n`);
  }
  return { truth: compiled.truth, version: compiled.version };
}

/** The compiled truth file that pm2's ecosystem and `status` read when Redis may be down. */
export async function readBuiltTruth(paths: AdminPaths): Promise<BuiltTruth | null> {
  try {
    const json = JSON.parse(await readFile(paths.truthOut, 'utf8')) as PublicTruth & { version: string };
    const { version, ...truth } = json;
    return { truth, version };
  } catch {
    return null;
  }
}
