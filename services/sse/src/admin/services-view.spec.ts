import { describe, expect, it } from 'vitest';
import type { HeartbeatRecord } from '@marketswarm/shared/heartbeat';
import type { HealthReport, ServiceHealth } from '@marketswarm/shared/ops';
import { servicesView, watchReportState } from './services-view.js';

const NOW = 1_000_000;
const beat = (service: string, ageMs: number, extra: Partial<HeartbeatRecord> = {}): HeartbeatRecord => ({
  service,
  version: '0.1.0',
  pid: 42,
  host: 'box',
  port: null,
  startedAt: 0,
  ts: NOW - ageMs,
  uptimeSec: 10,
  intervalMs: 2000,
  truthVersion: null,
  ...extra,
});
const health = (id: string, score: number, status: ServiceHealth['status']): ServiceHealth => ({
  id,
  pm2: `fotw-${id}`,
  score,
  status,
  checks: { redis: true, heartbeat: 'fresh', heartbeatAgeSec: 1, http: true },
  process: { status: 'online', pid: 42, restarts: 2, memoryBytes: 50_000_000, cpuPct: 1, uptimeSec: 10 },
  recovery: { attempts: 0, failed: false, lastAttemptAt: null },
});
const report = (ts: number, services: ServiceHealth[]): HealthReport => ({ ts, intervalMs: 2000, overall: { score: 90, status: 'degraded' }, services, redis: [] });
const components = [
  { id: 'sse', pm2: 'fotw-sse', heartbeat: true },
  { id: 'redis-system', pm2: 'fotw-redis-system', heartbeat: false },
];

describe('watchReportState', () => {
  it('is fresh within three watch intervals, stale after, absent without a report', () => {
    expect(watchReportState(report(NOW - 6000, []), NOW)).toBe('fresh');
    expect(watchReportState(report(NOW - 6001, []), NOW)).toBe('stale');
    expect(watchReportState(null, NOW)).toBe('absent');
  });
});

describe('servicesView', () => {
  it("joins each truth process with its heartbeat and the watch's fresh score, restarts and memory", () => {
    const view = servicesView(components, new Map([['sse', beat('sse', 1500, { restartNeeded: ['cors'] })]]), report(NOW - 1000, [health('sse', 100, 'healthy'), health('redis-system', 67, 'degraded')]), NOW);
    expect(view.watch).toEqual({ state: 'fresh', ts: NOW - 1000, overall: { score: 90, status: 'degraded' } });
    expect(view.services).toEqual([
      {
        id: 'sse',
        pm2: 'fotw-sse',
        score: 100,
        status: 'healthy',
        heartbeat: { state: 'fresh', ageSec: 1.5, version: '0.1.0', pid: 42, restartNeeded: ['cors'] },
        restarts: 2,
        memoryBytes: 50_000_000,
        recovery: { attempts: 0, failed: false, lastAttemptAt: null },
      },
      expect.objectContaining({ id: 'redis-system', score: 67, status: 'degraded', heartbeat: null }),
    ]);
  });

  it('shows no score from a stale report, and heartbeats alone when the watch never ran', () => {
    const stale = servicesView(components, new Map(), report(NOW - 60_000, [health('sse', 100, 'healthy')]), NOW);
    expect(stale.watch).toEqual({ state: 'stale', ts: NOW - 60_000, overall: null });
    expect(stale.services[0]).toMatchObject({ score: null, status: 'unknown', restarts: 2, heartbeat: { state: 'missing', ageSec: null } });
    const absent = servicesView(components, new Map([['sse', beat('sse', 5000)]]), null, NOW);
    expect(absent.watch.state).toBe('absent');
    expect(absent.services[0]).toMatchObject({ score: null, status: 'unknown', restarts: null, memoryBytes: null, heartbeat: { state: 'stale', ageSec: 5 } });
  });

  it('keeps services the watch reports beyond truth, such as a second gateway instance, with their heartbeat', () => {
    const view = servicesView(components, new Map([['sse-2', beat('sse-2', 500)]]), report(NOW, [health('sse-2', 100, 'healthy')]), NOW);
    expect(view.services.map((s) => [s.id, s.pm2, s.score, s.heartbeat?.state])).toEqual([
      ['sse', 'fotw-sse', null, 'missing'],
      ['redis-system', 'fotw-redis-system', null, undefined],
      ['sse-2', 'fotw-sse-2', 100, 'fresh'],
    ]);
  });

  it("marks a service failed from the watch's recovery state itself, over the report's older copy, and not failed once reset", () => {
    const copy = report(NOW, [health('sse', 100, 'healthy')]);
    const gaveUp = servicesView(components, new Map(), copy, NOW, new Map([['sse', { attempts: 3, lastAttemptAt: NOW - 5000, failed: true }]]));
    expect(gaveUp.services[0]!.recovery).toEqual({ attempts: 3, failed: true, lastAttemptAt: NOW - 5000 });
    // The report copied the failed mark a cycle ago; the operator has reset it since.
    const stillFailedCopy = report(NOW, [{ ...health('sse', 100, 'healthy'), recovery: { attempts: 3, failed: true, lastAttemptAt: NOW - 5000 } }]);
    const reset = servicesView(components, new Map(), stillFailedCopy, NOW, new Map([['sse', { attempts: 0, lastAttemptAt: null, failed: false }]]));
    expect(reset.services[0]!.recovery).toEqual({ attempts: 0, failed: false, lastAttemptAt: null });
    // Without a state of its own, the report's copy still shows.
    expect(servicesView(components, new Map(), copy, NOW).services[0]!.recovery).toEqual(copy.services[0]!.recovery);
  });
});
