import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StaticSettings } from '@marketswarm/shared/truth';

/** The repository root, found from this module (ui/server/{src,dist}). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The folder to serve: truth's `settings.root` of the static component (already checked by the
 * shared static settings schema), relative to the repository root.
 */
export function staticRootFrom(settings: Pick<StaticSettings, 'root'>, base: string = repoRoot): string {
  return path.resolve(base, settings.root);
}

/** The folder to serve, refusing one without index.html: every client-side route would answer 404. */
export async function servableRoot(settings: Pick<StaticSettings, 'root'>, base: string = repoRoot): Promise<string> {
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
