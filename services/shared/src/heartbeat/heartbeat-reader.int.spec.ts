import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { startRedisCluster, type RedisClusterHandle } from '../testing/redis-cluster.js';
import { heartbeatKey, type HeartbeatRecord } from './heartbeat-record.js';
import { readHeartbeats } from './heartbeat-reader.js';

const record = (service: string, pid: number): HeartbeatRecord => ({ service, version: '1', pid, host: 'h', port: null, startedAt: 0, ts: 1, uptimeSec: 0, intervalMs: 1000, truthVersion: null });

describe(readHeartbeats.name, () => {
  let cluster: RedisClusterHandle;
  let system: Redis;

  beforeAll(async () => {
    cluster = await startRedisCluster({ masters: 3, replicas: 0 });
    system = cluster.client();
  }, 60_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('reads heartbeats whose keys live on different cluster nodes, and gives null for a missing or corrupt one', async () => {
    const ids = ['sse', 'sse-2', 'intel', 'journal', 'massive'];
    const owners = new Set(await Promise.all(ids.map(async (id) => (await cluster.ownerOf(heartbeatKey(id))).port)));
    expect(owners.size).toBeGreaterThan(1);
    await system.set(heartbeatKey('sse'), JSON.stringify(record('sse', 1)));
    await system.set(heartbeatKey('sse-2'), JSON.stringify(record('sse-2', 2)));
    await system.set(heartbeatKey('intel'), JSON.stringify(record('intel', 3)));
    await system.set(heartbeatKey('journal'), '{"service":1}');

    const records = await readHeartbeats(system, ids);
    expect(ids.map((id) => records.get(id)?.pid ?? null)).toEqual([1, 2, 3, null, null]);
  });
});
