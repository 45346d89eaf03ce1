import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '@marketswarm/shared/config';

/** The repository root, found from this module (ui/server/{src,dist}). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The folder to serve: truth's `settings.root` of the static component, relative to the repository root. */
export function staticRootFrom(settings: Readonly<Record<string, unknown>>, base: string = repoRoot): string {
  const root = settings['root'];
  if (typeof root !== 'string' || root.trim() === '') {
    throw new ConfigError([`truth component "static": settings.root must be the folder to serve (e.g. "ui/dist"), got ${JSON.stringify(root)}`]);
  }
  return path.resolve(base, root);
}

/** The folder to serve, refusing one without index.html: every client-side route would answer 404. */
export async function servableRoot(settings: Readonly<Record<string, unknown>>, base: string = repoRoot): Promise<string> {
  const root = staticRootFrom(settings, base);
  await assertBuilt(root);
  return root;
}

export async function assertBuilt(root: string): Promise<void> {
  const index = path.join(root, 'index.html');
  const found = await stat(index).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!found) throw new Error(`${index} not found: build the UI first (npm run build -w ui)`);
}
