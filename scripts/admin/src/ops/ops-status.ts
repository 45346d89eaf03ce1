import type { Redis } from 'ioredis';
import type { BusName } from '@marketswarm/shared/events';
import { busNames } from '@marketswarm/shared/events';
import {
  readHealthReport,
  readRecoveryLog,
  readRedisHealth,
  readStreamLags,
  unreachableRedis,
  withTimeout,
  type HealthReportView,
  type RecoveryAction,
  type RedisHealth,
  type StreamLagView,
} from '@marketswarm/shared/ops';
import type { PublicTruth } from '@marketswarm/shared/truth';

/** What `./admin status` adds from the ops records: the watch's scores, recoveries, lag and Redis memory. */
export interface OpsStatus {
  /** The watch's last report; `fresh` false means the watch is not running (or hung). */
  watch: HealthReportView;
  /** The newest recovery actions, newest first. */
  recovery: RecoveryAction[];
  streams: StreamLagView[];
  redis: RedisHealth[];
}

export const RECENT_ACTIONS = 5;

/**
 * Reads everything from Redis directly, so it works with the watch down too; each bus is read
 * through the connection given for it (null when the CLI could not reach it).
 */
export async function collectOpsStatus(truth: PublicTruth, redisFor: (bus: BusName) => Redis | null, now = Date.now(), timeoutMs = 1500): Promise<OpsStatus> {
  const system = redisFor('system');
  const redis = await Promise.all(
    busNames.map((bus) => {
      const client = redisFor(bus);
      return client ? readRedisHealth(bus, client, timeoutMs) : Promise.resolve(unreachableRedis(bus));
    }),
  );
  if (!system) return { watch: { report: null, fresh: false, ageSec: null }, recovery: [], streams: [], redis };
  const [watch, recovery] = await Promise.all([
    withTimeout(readHealthReport(system, now), timeoutMs, 'health report').catch((): HealthReportView => ({ report: null, fresh: false, ageSec: null })),
    withTimeout(readRecoveryLog(system, RECENT_ACTIONS), timeoutMs, 'recovery log').catch((): RecoveryAction[] => []),
  ]);
  const reachable = new Set(redis.filter((r) => r.reachable).map((r) => r.bus));
  const streams = await readStreamLags((bus) => (reachable.has(bus) ? redisFor(bus) : null), truth, { now, timeoutMs });
  return { watch, recovery, streams, redis };
}
