import { describe, expect, it } from 'vitest';
import { componentSchema } from '@marketswarm/shared/truth';
import type { WatchTarget } from './process-instances.js';
import { settledSec } from './settled-time.js';

const NOW = 1_800_000_000_000;
const target = (component: WatchTarget['component'], uptimeSec: number | null): WatchTarget => ({
  id: component.id,
  component,
  pm2Name: component.meta.pm2 ?? 'fotw-x',
  process: { pmId: 0, name: component.meta.pm2 ?? 'fotw-x', pid: 1, status: 'online', restarts: 0, memoryBytes: null, cpuPct: null, uptimeSec, killTimeoutMs: null },
  heartbeatIds: [component.id],
  shared: false,
});
const intel = componentSchema.parse({ id: 'intel', meta: { name: 'i', description: 'i', kind: 'producer', version: '1.0.0', pm2: 'fotw-intel' }, heartbeat: { intervalMs: 1000, ttlSec: 5 } });
const redisMarket = componentSchema.parse({ id: 'redis-market', meta: { name: 'r', description: 'r', kind: 'redis', version: '1.0.0', pm2: 'fotw-redis-market' }, bus: 'market', listen: { port: 6380, env: 'MS_R' } });

describe(settledSec.name, () => {
  it('is the uptime while no Redis it needs went down, and the time since one came back after', () => {
    expect(settledSec(target(intel, 600), new Map(), NOW)).toBe(600);
    expect(settledSec(target(intel, 600), new Map([['system', NOW - 4000]]), NOW)).toBe(4);
  });

  it('is the uptime of a redis-server whose own bus is down every cycle, so a hung one can be judged', () => {
    expect(settledSec(target(redisMarket, 600), new Map([['market', NOW]]), NOW)).toBe(600);
  });

  it('is null for a process that does not run', () => {
    expect(settledSec(target(intel, null), new Map(), NOW)).toBeNull();
  });
});
