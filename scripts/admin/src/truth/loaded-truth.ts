import { readTruth, type StoredTruth } from '@marketswarm/shared/truth';
import type { AdminPaths } from '../paths.js';
import { CliError } from '../ui/output.js';
import { readBuiltTruth } from './build-truth-files.js';
import { busUrl, connectRedis } from './system-redis.js';

/** The truth currently in system Redis (found through the last built truth's ports and env overrides). */
export async function fetchLoadedTruth(paths: AdminPaths): Promise<StoredTruth> {
  const built = await readBuiltTruth(paths);
  const redis = await connectRedis(busUrl(built?.truth, 'system'), 'system');
  try {
    const stored = await readTruth(redis);
    if (!stored) throw new CliError('no truth is loaded in system Redis: run ./admin load-truth');
    return stored;
  } finally {
    redis.disconnect();
  }
}
