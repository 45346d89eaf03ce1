import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { BusName } from '@marketswarm/shared/events';
import { readGatewayPresences, readStreamLags, withTimeout, type RedisHealth, type ServiceHealth } from '@marketswarm/shared/ops';
import type { PublicTruth } from '@marketswarm/shared/truth';
import type { WatchMetrics } from './watch-metrics.js';

/**
 * Rebuilds the per-process and per-Redis gauges from one cycle's report. `ms_heartbeat_fresh` is set
 * for every process with a heartbeat verdict, 0 also when the key is missing: a heartbeat key
 * expires a few intervals after its writer hung, so its age alone never grows large enough to alert on.
 */
export function updateHealthGauges(m: WatchMetrics, services: readonly ServiceHealth[], redis: readonly RedisHealth[]): void {
  for (const gauge of [m.serviceScore, m.heartbeatAge, m.heartbeatFresh, m.processMemory, m.redisUp, m.redisMemory]) gauge.reset();
  for (const s of services) {
    m.serviceScore.set({ service: s.id }, s.score);
    if (s.checks.heartbeatAgeSec !== null) m.heartbeatAge.set({ service: s.id }, s.checks.heartbeatAgeSec);
    if (s.checks.heartbeat !== 'none') m.heartbeatFresh.set({ service: s.id }, s.checks.heartbeat === 'fresh' ? 1 : 0);
    if (s.process?.memoryBytes != null) m.processMemory.set({ service: s.id }, s.process.memoryBytes);
  }
  for (const r of redis) {
    m.redisUp.set({ bus: r.bus }, r.reachable ? 1 : 0);
    if (r.usedMemoryBytes !== null) m.redisMemory.set({ bus: r.bus }, r.usedMemoryBytes);
  }
}

/** Each gateway's lag per stream, from their presence records; left as it was when it cannot be measured. */
export async function updateLagGauges(m: WatchMetrics, redisFor: (bus: BusName) => Redis, truth: PublicTruth, now: number, timeoutMs: number, logger: Logger): Promise<void> {
  try {
    const gateways = await withTimeout(readGatewayPresences(redisFor('system'), now), timeoutMs, 'gateway presences');
    const lags = await readStreamLags(redisFor, truth, { now, timeoutMs, gateways });
    m.streamLag.reset();
    for (const view of lags) {
      for (const g of view.gateways) if (g.lagMs !== null) m.streamLag.set({ stream: view.stream, gateway: g.instance }, g.lagMs / 1000);
    }
  } catch (error) {
    logger.debug({ err: (error as Error).message }, 'stream lag not measured this cycle');
  }
}
