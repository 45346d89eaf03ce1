import type { Command } from 'commander';
import { adminPaths } from '../paths.js';
import { CliError } from '../ui/output.js';

/** Resolves `components.sse.listen.port` or `$.components.sse` against a JSON value. */
export function selectPath(doc: unknown, jsonPath: string): unknown {
  const parts = jsonPath
    .replace(/^\$\.?/, '')
    .split(/\.|\[(\d+)\]/)
    .filter((p) => p !== undefined && p !== '');
  let value: unknown = doc;
  for (const part of parts) {
    if (value === null || typeof value !== 'object' || !(part in value)) {
      throw new CliError(`no value at ${jsonPath} (stopped at "${part}")`);
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function registerShowTruth(program: Command): void {
  program
    .command('show-truth')
    .argument('[json.path]', 'part of the document to print, e.g. components.sse.listen')
    .description('print the truth loaded in system Redis (secrets masked)')
    .option('--reveal-secrets', 'print secret values instead of ***')
    .action(async (jsonPath: string | undefined, opts: { revealSecrets?: boolean }) => {
      // Loaded on run: ioredis and the truth schemas would slow every other ./admin command.
      const { fetchLoadedTruth } = await import('../truth/loaded-truth.js');
      const stored = await fetchLoadedTruth(adminPaths());
      const doc = opts.revealSecrets ? stored.doc : { ...stored.doc, secrets: maskSecrets(stored.doc.secrets) };
      const value = jsonPath ? selectPath(doc, jsonPath) : { version: stored.version, loadedAt: new Date(stored.ts).toISOString(), ...doc };
      process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);
    });
}

function maskSecrets(secrets: Record<string, Record<string, string>>): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(secrets).map(([id, values]) => [id, Object.fromEntries(Object.keys(values).map((k) => [k, '***']))]));
}
