import path from 'node:path';
import type { PublicTruth } from '@marketswarm/shared/truth';
import type { AdminPaths } from '../paths.js';
import { CliError } from '../ui/output.js';

export const ecosystemFile = (paths: AdminPaths) => path.join(paths.repoRoot, 'ecosystem.config.cjs');

/** Accepts a component id (`sse`) or a pm2 name (`fotw-sse`) and returns the pm2 name. */
export function pm2NameOf(truth: PublicTruth, name: string): string {
  const byId = truth.components[name]?.meta.pm2;
  if (byId) return byId;
  if (Object.values(truth.components).some((c) => c.meta.pm2 === name)) return name;
  const known = Object.values(truth.components)
    .map((c) => c.meta.pm2)
    .filter(Boolean)
    .join(', ');
  throw new CliError(`unknown process "${name}" (known: ${known})`);
}

function pm2Names(truth: PublicTruth, redis: boolean): string[] {
  return Object.values(truth.components)
    .filter((c) => c.meta.pm2 && (c.meta.kind === 'redis') === redis)
    .map((c) => c.meta.pm2 as string);
}

export const redisPm2Names = (truth: PublicTruth) => pm2Names(truth, true);
export const processPm2Names = (truth: PublicTruth) => pm2Names(truth, false);
