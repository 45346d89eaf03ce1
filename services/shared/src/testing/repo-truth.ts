import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileTruth, type PublicTruth } from '../truth/compile-truth.js';
import type { TruthSource } from '../truth/parse-source.js';
import { TruthError } from '../truth/truth-problem.js';
import { repoRoot } from './repo-root.js';

/**
 * The repository's truth (truth/node.json and truth/components/*.json) compiled as
 * `./admin build-truth` compiles it. Synchronous, so a spec can hold it at module level; a fresh
 * copy on every call, so a spec may change it. Throws the TruthError `./admin` would print.
 */
export function compileRepoTruthSync(): { truth: PublicTruth; version: string } {
  const source = (file: string): TruthSource => ({ file: path.relative(repoRoot, file), text: readFileSync(file, 'utf8') });
  const componentDir = path.join(repoRoot, 'truth/components');
  const components = readdirSync(componentDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => source(path.join(componentDir, name)));
  const compiled = compileTruth(source(path.join(repoRoot, 'truth/node.json')), components);
  if (!compiled.ok) throw new TruthError(compiled.problems);
  return { truth: compiled.truth, version: compiled.version };
}
