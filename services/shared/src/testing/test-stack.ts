import type { Redis } from 'ioredis';
import { truthVersion, type PublicTruth } from '../truth/compile-truth.js';
import { writeTruth } from '../truth/truth-store.js';
import { startRedisServer, type RedisServerHandle } from './redis-server.js';
import { compileRepoTruthSync } from './repo-truth.js';

export interface RedisTrio {
  system: RedisServerHandle;
  market: RedisServerHandle;
  intel: RedisServerHandle;
  /** Environment that points a service at these three instances. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startRedisTrio(): Promise<RedisTrio> {
  const [system, market, intel] = await Promise.all([startRedisServer({ appendonly: true }), startRedisServer(), startRedisServer()]);
  return {
    system,
    market,
    intel,
    env: { REDIS_SYSTEM_URL: system.url, REDIS_MARKET_URL: market.url, REDIS_INTEL_URL: intel.url },
    stop: async () => void (await Promise.all([system.stop(), market.stop(), intel.stop()])),
  };
}

/** Compiles the repository's truth (as `./admin build-truth` does) and loads it into `redis`. */
export async function loadRepoTruth(
  redis: Redis,
  options: { secrets?: Record<string, Record<string, string>>; patch?: (truth: PublicTruth) => void } = {},
): Promise<{ truth: PublicTruth; version: string }> {
  const compiled = compileRepoTruthSync();
  // Tests may tune settings (shorter keepalive, smaller budgets); the version then reflects the patch.
  options.patch?.(compiled.truth);
  const version = options.patch ? truthVersion(compiled.truth) : compiled.version;
  await writeTruth(redis, { ...compiled.truth, secrets: options.secrets ?? {} }, version);
  return { truth: compiled.truth, version };
}
