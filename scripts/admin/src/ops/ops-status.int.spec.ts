import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { appendRecoveryAction, OPS_KEYS, writeHealthReport, type GatewayPresence, type HealthReport } from '@marketswarm/shared/ops';
import { startRedisServer, type RedisServerHandle } from '@marketswarm/shared/testing';
import type { PublicTruth } from '@marketswarm/shared/truth';
import { collectOpsStatus } from './ops-status.js';

const truth = {
  topics: {
    spot: { topic: 'spot', bus: 'market', stream: '{market}:stream:spot', maxlen: 10000, producers: ['massive'] },
    alerts: { topic: 'alerts', bus: 'system', stream: '{system}:stream:alerts', maxlen: 5000, producers: ['journal'] },
  },
} as unknown as PublicTruth;

describe(collectOpsStatus.name, () => {
  let system: RedisServerHandle;
  let market: RedisServerHandle;
  let sys: Redis;
  let mkt: Redis;

  beforeAll(async () => {
    [system, market] = await Promise.all([startRedisServer({ appendonly: true }), startRedisServer()]);
    sys = system.client();
    mkt = market.client();
  });

  afterAll(async () => {
    sys?.disconnect();
    mkt?.disconnect();
    await Promise.all([system?.stop(), market?.stop()]);
  });

  it("reads the watch's report, the newest recovery actions, each stream's lag per live gateway and each Redis's memory", async () => {
    const now = Date.now();
    const [first, second] = [`${now - 5000}-0`, `${now - 2000}-0`];
    await mkt.xadd('{market}:stream:spot', first, 'e', '1');
    await mkt.xadd('{market}:stream:spot', second, 'e', '2');
    const presence = (instance: string, cursor: string, ts: number): GatewayPresence => ({
      instance,
      pid: 1,
      host: 'h',
      port: 3001,
      ts,
      intervalMs: 2000,
      connections: 3,
      byRoute: {},
      cursors: { '{market}:stream:spot': cursor },
    });
    // gw-c reported before the second entry was written: it was level then, not 3 s behind.
    const presences = [[presence('gw-a', second, now), now], [presence('gw-b', first, now), now], [presence('gw-c', first, now - 3000), now - 3000], [presence('gw-gone', '0-0', now - 60_000), now - 60_000]] as const;
    for (const [p, score] of presences) {
      await sys.zadd(OPS_KEYS.gateways, score, p.instance);
      await sys.set(OPS_KEYS.gateway(p.instance), JSON.stringify(p));
    }
    const report: HealthReport = { ts: now - 1000, intervalMs: 2000, overall: { score: 100, status: 'healthy' }, services: [], redis: [] };
    await writeHealthReport(sys, report);
    for (let i = 1; i <= 7; i++) await appendRecoveryAction(sys, { ts: now - 10_000 + i, service: `s${i}`, action: 'restart', reason: 'heartbeat stale', attempt: 1, ok: true });

    const ops = await collectOpsStatus(truth, (bus) => (bus === 'system' ? sys : bus === 'market' ? mkt : null), now);

    expect(ops.watch).toMatchObject({ fresh: true, ageSec: 1, report: { overall: { score: 100 } } });
    expect(ops.recovery.map((a) => a.service)).toEqual(['s7', 's6', 's5', 's4', 's3']);
    expect(ops.streams).toEqual([
      { topic: 'alerts', bus: 'system', stream: '{system}:stream:alerts', length: 0, maxlen: 5000, lastId: null, gateways: [
        { instance: 'gw-a', cursor: null, lagMs: null, behind: false },
        { instance: 'gw-b', cursor: null, lagMs: null, behind: false },
        { instance: 'gw-c', cursor: null, lagMs: null, behind: false },
      ] },
      { topic: 'spot', bus: 'market', stream: '{market}:stream:spot', length: 2, maxlen: 10000, lastId: second, gateways: [
        { instance: 'gw-a', cursor: second, lagMs: 0, behind: false },
        { instance: 'gw-b', cursor: first, lagMs: 2000, behind: true },
        { instance: 'gw-c', cursor: first, lagMs: 0, behind: false },
      ] },
    ]);
    expect(ops.redis).toEqual([
      { bus: 'system', reachable: true, usedMemoryBytes: expect.any(Number) as number, maxMemoryBytes: null, aof: true },
      { bus: 'market', reachable: true, usedMemoryBytes: expect.any(Number) as number, maxMemoryBytes: null, aof: false },
      { bus: 'intel', reachable: false, usedMemoryBytes: null, maxMemoryBytes: null, aof: null },
    ]);
  });

  it('says the watch is not running when its report is too old', async () => {
    const ops = await collectOpsStatus(truth, (bus) => (bus === 'system' ? sys : null), Date.now() + 60_000);
    expect(ops.watch.fresh).toBe(false);
    expect(ops.streams.find((s) => s.topic === 'spot')).toMatchObject({ length: null, lastId: null });
  });
});
