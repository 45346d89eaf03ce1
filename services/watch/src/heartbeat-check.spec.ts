import { describe, expect, it } from 'vitest';
import type { HeartbeatRecord } from '@marketswarm/shared/heartbeat';
import { componentSchema } from '@marketswarm/shared/truth';
import { checkHeartbeat } from './heartbeat-check.js';
import type { WatchTarget } from './process-instances.js';

const NOW = 1_800_000_000_000;
const sse = componentSchema.parse({ id: 'sse', meta: { name: 's', description: 's', kind: 'service', version: '1.0.0', pm2: 'fotw-sse' }, heartbeat: { intervalMs: 2000, ttlSec: 10 } });
const target = (pid: number | null, extra: Partial<WatchTarget> = {}): WatchTarget => ({
  id: 'sse',
  component: sse,
  pm2Name: 'fotw-sse',
  process: pid === null ? null : { pmId: 0, name: 'fotw-sse', pid, status: 'online', restarts: 0, memoryBytes: null, cpuPct: null, uptimeSec: 60, killTimeoutMs: null },
  heartbeatIds: ['sse'],
  shared: false,
  ...extra,
});
const beat = (pid: number, ageMs: number, port = 3001): HeartbeatRecord => ({ service: 'sse', version: '1', pid, host: 'h', port, startedAt: 0, ts: NOW - ageMs, uptimeSec: 1, intervalMs: 2000, truthVersion: null });

describe(checkHeartbeat.name, () => {
  it('is fresh when written by the running pid within the threshold', () => {
    expect(checkHeartbeat(target(7), new Map([['sse', beat(7, 5900)]]), 6, NOW)).toMatchObject({ state: 'fresh', ageSec: 5.9, own: { pid: 7 } });
  });

  it('is stale past the threshold (a hung process)', () => {
    expect(checkHeartbeat(target(7), new Map([['sse', beat(7, 6100)]]), 6, NOW)).toMatchObject({ state: 'stale', ageSec: 6.1 });
  });

  it('is stale at once when the pid that wrote it is not the one pm2 runs', () => {
    expect(checkHeartbeat(target(8), new Map([['sse', beat(7, 100)]]), 6, NOW)).toMatchObject({ state: 'stale', own: null });
    expect(checkHeartbeat(target(null), new Map([['sse', beat(7, 100)]]), 6, NOW).state).toBe('stale');
  });

  it('is missing without a record and none for a component without a heartbeat', () => {
    expect(checkHeartbeat(target(7), new Map([['sse', null]]), 6, NOW).state).toBe('missing');
    expect(checkHeartbeat(target(7, { component: { ...sse, heartbeat: undefined } }), new Map(), 6, NOW).state).toBe('none');
  });

  it("finds a second instance's own record among the shared ids, and gives no verdict from another instance's", () => {
    const second = target(9, { id: 'sse-2', heartbeatIds: ['sse', 'sse-2'], shared: true });
    expect(checkHeartbeat(second, new Map([['sse', beat(7, 100)], ['sse-2', beat(9, 100, 3101)]]), 6, NOW)).toMatchObject({ state: 'fresh', own: { port: 3101 } });
    expect(checkHeartbeat(second, new Map([['sse', beat(7, 100)], ['sse-2', null]]), 6, NOW).state).toBe('none');
  });
});
