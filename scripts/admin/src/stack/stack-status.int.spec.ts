import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { heartbeatKey, type HeartbeatRecord } from '@marketswarm/shared/heartbeat';
import type { HealthReport } from '@marketswarm/shared/ops';
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
    processes = components.flatMap((c, i) => (c.meta.pm2 ? [{ name: c.meta.pm2, pid: 1000 + i, status: 'online', restarts: 0, uptimeMs: 1, memoryBytes: 1_000_000 + i }] : []));
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

  it('shows memory per process from pm2, and none for a process that does not run', async () => {
    const status = await collectStatus(truth, 'v', system, processes.map((p) => (p.name === 'fotw-intel' ? { ...p, status: 'stopped' } : p)), NOW);
    const sse = processes.find((p) => p.name === 'fotw-sse');
    expect(status.components.find((c) => c.id === 'sse')?.memoryBytes).toBe(sse?.memoryBytes);
    expect(status.components.find((c) => c.id === 'intel')?.memoryBytes).toBeNull();
  });

  it("shows the watch's score and status of each process it reports, and keeps health to pm2 and the heartbeats", async () => {
    const service = (id: string, score: number, status: 'healthy' | 'down') => ({
      id,
      pm2: `fotw-${id}`,
      score,
      status,
      checks: { redis: true, heartbeat: 'fresh' as const, heartbeatAgeSec: 0.5, http: true },
      process: null,
      recovery: { attempts: 0, failed: false, lastAttemptAt: null },
    });
    const report: HealthReport = { ts: NOW, intervalMs: 2000, overall: { score: 80, status: 'down' }, services: [service('sse', 100, 'healthy'), service('journal', 60, 'down')], redis: [] };
    const status = await collectStatus(truth, 'v', system, processes, NOW, report);
    expect(status.components.find((c) => c.id === 'sse')).toMatchObject({ score: 100, watchStatus: 'healthy' });
    expect(status.components.find((c) => c.id === 'journal')).toMatchObject({ score: 60, watchStatus: 'down' });
    expect(status.components.find((c) => c.id === 'intel')).toMatchObject({ score: null, watchStatus: null });
    expect(status.healthy).toBe(true);
  });

  it('lists a second gateway instance (fotw-sse-2) with the heartbeat its own pid wrote', async () => {
    await system.set(heartbeatKey('sse-2'), JSON.stringify(beat('sse', 4242)));
    const status = await collectStatus(truth, 'v', system, [...processes, { name: 'fotw-sse-2', pid: 4242, status: 'online', restarts: 0, uptimeMs: 1, memoryBytes: 5 }], NOW);
    expect(status.components.find((c) => c.id === 'sse-2')).toMatchObject({ pm2: 'fotw-sse-2', process: 'online', pid: 4242, heartbeat: 'fresh', memoryBytes: 5 });
    expect(status.components.find((c) => c.id === 'sse')).toMatchObject({ pm2: 'fotw-sse', heartbeat: 'fresh' });
    expect(status.healthy).toBe(true);
    await system.del(heartbeatKey('sse-2'));
  });

  it("gives no heartbeat verdict for a second gateway with no record of its own: the first gateway's record says nothing of it", async () => {
    const second = { name: 'fotw-sse-2', pid: 4343, status: 'online', restarts: 0, uptimeMs: 1, memoryBytes: 5 };
    const status = await collectStatus(truth, 'v', system, [...processes, second], NOW);
    expect(status.components.find((c) => c.id === 'sse-2')).toMatchObject({ heartbeat: 'none', heartbeatAgeSec: null, version: null });
    expect(status.components.find((c) => c.id === 'sse')).toMatchObject({ heartbeat: 'fresh' });
  });
});
