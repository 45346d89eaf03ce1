import { pino } from 'pino';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Registry } from '@marketswarm/shared/metrics';
import { readRecoveryLog } from '@marketswarm/shared/ops';
import { startRedisServer, type RedisServerHandle } from '@marketswarm/shared/testing';
import { componentSchema, type PublicTruth, type WatchSettings } from '@marketswarm/shared/truth';
import { HealthWatch } from './health-watch.js';
import type { Pm2Client } from './pm2-client.js';
import type { Pm2ProcessFacts } from './pm2-process.js';
import { createWatchMetrics } from './watch-metrics.js';

/** pm2 as the watch sees it: one settled redis-server of the market bus; restarts are noted, not done. */
class SettledRedisProcess implements Pm2Client {
  readonly restarted: number[] = [];
  constructor(private readonly pid: number) {}
  list(): Promise<Pm2ProcessFacts[]> {
    return Promise.resolve([{ pmId: 4, name: 'fotw-redis-market', pid: this.pid, status: 'online', restarts: 0, memoryBytes: 1, cpuPct: 0, uptimeSec: 600, killTimeoutMs: null }]);
  }
  restart(process: Pick<Pm2ProcessFacts, 'pmId'>): Promise<void> {
    this.restarted.push(process.pmId);
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

const truth = {
  components: {
    'redis-market': componentSchema.parse({
      id: 'redis-market',
      meta: { name: 'r', description: 'r', kind: 'redis', version: '1.0.0', pm2: 'fotw-redis-market' },
      bus: 'market',
      listen: { port: 6380, env: 'MS_REDIS_MARKET_PORT' },
    }),
  },
  topics: {},
} as unknown as PublicTruth;

const settings = (enabled: boolean): WatchSettings => ({
  enabled,
  intervalMs: 1000,
  staleAfterSec: 6,
  staleAfterSecByService: {},
  httpTimeoutMs: 300,
  recovery: { maxAttempts: 3, cooldownSec: 30, backoff: 1, confirmCycles: 1, graceSec: 15, restartRedis: true },
});

describe(`${HealthWatch.name} with a redis-server that stops answering`, () => {
  let system: RedisServerHandle;
  let market: RedisServerHandle;
  let systemClient: Redis;
  let marketClient: Redis;

  beforeAll(async () => {
    [system, market] = await Promise.all([startRedisServer(), startRedisServer()]);
    systemClient = system.client();
    marketClient = market.client();
    await marketClient.ping();
    process.kill(market.pid, 'SIGSTOP');
  });

  beforeEach(async () => {
    await systemClient.flushall();
  });

  afterAll(async () => {
    if (market) process.kill(market.pid, 'SIGCONT');
    systemClient?.disconnect();
    marketClient?.disconnect();
    await Promise.all([system?.stop(), market?.stop()]);
  });

  const watchWith = (enabled: boolean) => {
    const pm2 = new SettledRedisProcess(market.pid);
    const metrics = createWatchMetrics(new Registry());
    const watch = new HealthWatch({
      truth: () => truth,
      settings: () => settings(enabled),
      redisFor: (bus) => (bus === 'market' ? marketClient : systemClient),
      pm2,
      metrics,
      logger: pino({ level: 'silent' }),
      selfId: 'watch',
      env: {},
    });
    return { watch, pm2, metrics };
  };

  it('restarts a settled redis-server whose own bus does not answer, though that bus is seen down every cycle', async () => {
    const { watch, pm2 } = watchWith(true);
    const { actions, report } = await watch.cycle();
    expect(report.services.find((s) => s.id === 'redis-market')).toMatchObject({ status: 'down', checks: { redis: false } });
    expect(actions).toMatchObject([{ service: 'redis-market', action: 'restart', reason: 'PING unanswered', attempt: 1, ok: true }]);
    await watch.restartsSettled();
    expect(pm2.restarted).toEqual([4]);
  });

  it('with recovery disabled, logs and counts once that it leaves the unhealthy redis-server alone', async () => {
    const { watch, pm2, metrics } = watchWith(false);
    await watch.cycle();
    await watch.cycle();
    expect((await readRecoveryLog(systemClient, 10)).map((a) => [a.service, a.action, a.reason])).toEqual([['redis-market', 'skipped', 'PING unanswered; recovery is disabled']]);
    expect((await metrics.recoveryActions.get()).values).toMatchObject([{ labels: { service: 'redis-market', action: 'skipped' }, value: 1 }]);
    expect(pm2.restarted).toEqual([]);
  });
});
