import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { heartbeatKey, type HeartbeatRecord } from '@marketswarm/shared/heartbeat';
import { compileTruth, readTruthSources, TRUTH_KEYS, type PublicTruth } from '@marketswarm/shared/truth';
import { repoRoot, startRedisServer, type RedisServerHandle } from '@marketswarm/shared/testing';
import type { Pm2Process } from '../pm2/pm2-cli.js';
import { collectStatus } from './stack-status.js';

const NOW = 1_800_000_000_000;

function beat(service: string, pid: number, restartNeeded?: string[]): HeartbeatRecord {
  return { service, version: '0.1.0', pid, host: 'h', port: null, startedAt: NOW - 60_000, ts: NOW - 500, uptimeSec: 60, intervalMs: 2000, truthVersion: 'v', ...(restartNeeded ? { restartNeeded } : {}) };
}

describe(collectStatus.name, () => {
  let redis: RedisServerHandle;
  let system: Redis;
  let truth: PublicTruth;
  let processes: Pm2Process[];

  beforeAll(async () => {
    redis = await startRedisServer();
    system = redis.client();
    const sources = await readTruthSources(path.join(repoRoot, 'truth'), repoRoot);
    const compiled = compileTruth(sources.node, sources.components);
    if (!compiled.ok) throw new Error('repo truth must compile');
    truth = compiled.truth;
    const components = Object.values(truth.components);
    processes = components.flatMap((c, i) => (c.meta.pm2 ? [{ name: c.meta.pm2, pid: 1000 + i, status: 'online', restarts: 0, uptimeMs: 1, memoryBytes: 1 }] : []));
    await system.set(TRUTH_KEYS.version, 'v');
    for (const [i, c] of components.entries()) {
      if (c.heartbeat) await system.set(heartbeatKey(c.id), JSON.stringify(beat(c.id, 1000 + i, c.id === 'sse' ? ['keepaliveMs', 'node.sessionTtlSec'] : undefined)));
    }
  });

  afterAll(async () => {
    system?.disconnect();
    await redis?.stop();
  });

  it('shows the settings a running process waits to restart for, and stays healthy', async () => {
    const status = await collectStatus(truth, 'v', system, processes, NOW);
    expect(status.components.find((c) => c.id === 'sse')?.restartNeeded).toEqual(['keepaliveMs', 'node.sessionTtlSec']);
    expect(status.components.find((c) => c.id === 'intel')?.restartNeeded).toEqual([]);
    expect(status.healthy).toBe(true);
  });

  it('ignores the pending restart of a heartbeat whose process is gone', async () => {
    const status = await collectStatus(truth, 'v', system, processes.filter((p) => p.name !== 'fotw-sse'), NOW);
    expect(status.components.find((c) => c.id === 'sse')).toMatchObject({ heartbeat: 'stale', restartNeeded: [] });
  });
});
