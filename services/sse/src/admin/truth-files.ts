import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** services/sse/{src,dist}/admin → the repository root. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Where `./admin build-truth` writes the compiled truth. */
export const COMPILED_TRUTH_FILE = path.join(REPO_ROOT, 'scripts/truth.json');

export type TruthFiles = { state: 'present'; version: string | null; truth: Record<string, unknown> } | { state: 'absent' | 'unreadable'; version: null; truth: null };

/**
 * The compiled truth on disk, to compare with the loaded one. A gateway on a host without the repo
 * (or before the first build) has none: that is `absent`, not an error.
 */
export async function readTruthFiles(file: string = COMPILED_TRUTH_FILE): Promise<TruthFiles> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { state: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'unreadable', version: null, truth: null };
  }
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return { state: 'unreadable', version: null, truth: null };
    const { version, ...truth } = json as Record<string, unknown>;
    return { state: 'present', version: typeof version === 'string' ? version : null, truth };
  } catch {
    return { state: 'unreadable', version: null, truth: null };
  }
}
