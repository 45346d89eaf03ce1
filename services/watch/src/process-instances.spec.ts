import { describe, expect, it } from 'vitest';
import { componentSchema, type PublicTruth } from '@marketswarm/shared/truth';
import type { Pm2ProcessFacts } from './pm2-process.js';
import { watchTargets } from './process-instances.js';

const component = (id: string, kind: string, pm2: string) =>
  componentSchema.parse({
    id,
    meta: { name: id, description: id, kind, version: '1.0.0', pm2 },
    ...(kind === 'redis' ? { bus: 'system', listen: { port: 6379, env: 'MS_R' } } : { heartbeat: { intervalMs: 1000, ttlSec: 5 } }),
  });
const truth = {
  components: {
    sse: component('sse', 'service', 'fotw-sse'),
    'redis-system': component('redis-system', 'redis', 'fotw-redis-system'),
    watch: component('watch', 'service', 'fotw-watch'),
    intel: component('intel', 'producer', 'fotw-intel'),
  },
} as unknown as PublicTruth;
const proc = (name: string, pmId: number): Pm2ProcessFacts => ({ pmId, name, pid: 100 + pmId, status: 'online', restarts: 0, memoryBytes: 1, cpuPct: 0, uptimeSec: 60, killTimeoutMs: null });

describe(watchTargets.name, () => {
  it('targets each component pm2 runs, one per process, and never the watch itself', () => {
    const targets = watchTargets(truth, [proc('fotw-sse', 0), proc('fotw-redis-system', 1), proc('fotw-watch', 2), proc('fotw-intel', 3)], 'watch');
    expect(targets.map((t) => [t.id, t.pm2Name, t.process?.pmId, t.shared])).toEqual([
      ['sse', 'fotw-sse', 0, false],
      ['redis-system', 'fotw-redis-system', 1, false],
      ['intel', 'fotw-intel', 3, false],
    ]);
  });

  it('keeps a component pm2 does not run as a target without a process', () => {
    const intel = watchTargets(truth, [], 'watch').find((t) => t.id === 'intel');
    expect(intel).toMatchObject({ process: null, heartbeatIds: ['intel'] });
  });

  it('adds a second gateway fotw-sse-2 as its own instance, with its own heartbeat id', () => {
    const targets = watchTargets(truth, [proc('fotw-sse-2', 5), proc('fotw-sse', 4)], 'watch').filter((t) => t.component.id === 'sse');
    expect(targets.map((t) => [t.id, t.pm2Name, t.shared, t.heartbeatIds])).toEqual([
      ['sse', 'fotw-sse', true, ['sse']],
      ['sse-2', 'fotw-sse-2', true, ['sse-2', 'sse']],
    ]);
  });

  it('tells pm2 cluster workers of one name apart by pm id', () => {
    const targets = watchTargets(truth, [proc('fotw-sse', 7), proc('fotw-sse', 6)], 'watch').filter((t) => t.component.id === 'sse');
    expect(targets.map((t) => t.id)).toEqual(['sse#6', 'sse#7']);
  });

  it('does not take another name that merely starts with the same letters', () => {
    expect(watchTargets(truth, [proc('fotw-sse-admin', 8)], 'watch').find((t) => t.component.id === 'sse')?.process).toBeNull();
  });
});
