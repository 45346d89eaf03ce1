import type { Redis } from 'ioredis';
import { busUrls } from '@marketswarm/shared/config';
import { createRedisClient, redactUrl } from '@marketswarm/shared/bus';
import type { BusName } from '@marketswarm/shared/events';
import type { PublicTruth } from '@marketswarm/shared/truth';
import { CliError } from '../ui/output.js';

/** The URL of a bus as every process of this stack sees it (env overrides, then truth). */
export function busUrl(truth: PublicTruth | undefined, bus: BusName, env: NodeJS.ProcessEnv = process.env): string {
  const problems: string[] = [];
  const urls = busUrls(truth, env, problems);
  if (problems.length > 0) throw new CliError(problems.join('\n'));
  return urls[bus];
}

/**
 * A short-lived connection for one CLI command: fails fast with a clear message instead of
 * retrying forever, because an operator is waiting.
 */
export async function connectRedis(url: string, what: string): Promise<Redis> {
  // A single server or a Redis Cluster (redis-cluster://…), whichever the URL names.
  const redis = createRedisClient(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new CliError(`cannot reach ${what} Redis at ${redactUrl(url)} (${(error as Error).message}); is the stack up? try ./admin up`);
  }
  return redis;
}
