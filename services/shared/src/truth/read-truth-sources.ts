import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TruthSource } from './parse-source.js';

export interface TruthSources {
  node: TruthSource;
  components: TruthSource[];
}

/**
 * Reads `<dir>/node.json` and `<dir>/components/*.json`. File names in problems are shown relative
 * to `displayRoot` (the repository), so an operator can open them as printed.
 */
export async function readTruthSources(dir: string, displayRoot = process.cwd()): Promise<TruthSources> {
  const display = (file: string) => path.relative(displayRoot, file) || file;
  const nodeFile = path.join(dir, 'node.json');
  const node: TruthSource = { file: display(nodeFile), text: await readFile(nodeFile, 'utf8') };
  const componentDir = path.join(dir, 'components');
  const names = (await readdir(componentDir)).filter((n) => n.endsWith('.json')).sort();
  const components = await Promise.all(
    names.map(async (name) => {
      const file = path.join(componentDir, name);
      return { file: display(file), text: await readFile(file, 'utf8') };
    }),
  );
  return { node, components };
}
