import { describe, expect, it } from 'vitest';
import { Registry } from '@marketswarm/shared/metrics';
import type { ServiceHealth } from '@marketswarm/shared/ops';
import { updateHealthGauges } from './watch-gauges.js';
import { createWatchMetrics } from './watch-metrics.js';

const service = (id: string, heartbeat: ServiceHealth['checks']['heartbeat'], heartbeatAgeSec: number | null): ServiceHealth => ({
  id,
  pm2: `fotw-${id}`,
  score: 50,
  status: 'down',
  checks: { redis: true, heartbeat, heartbeatAgeSec, http: null },
  process: null,
  recovery: { attempts: 0, failed: false, lastAttemptAt: null },
});

describe(updateHealthGauges.name, () => {
  it('says per process whether its heartbeat is fresh, 0 also for one whose key expired, and nothing for one without a verdict', async () => {
    const metrics = createWatchMetrics(new Registry());
    updateHealthGauges(metrics, [service('sse', 'fresh', 0.4), service('intel', 'stale', 7), service('journal', 'missing', null), service('nginx', 'none', null)], []);
    const fresh = Object.fromEntries((await metrics.heartbeatFresh.get()).values.map((v) => [String(v.labels['service']), v.value]));
    expect(fresh).toEqual({ sse: 1, intel: 0, journal: 0 });
  });

  it('drops a process that went away from every gauge on the next cycle', async () => {
    const metrics = createWatchMetrics(new Registry());
    updateHealthGauges(metrics, [service('sse', 'fresh', 0.4)], []);
    updateHealthGauges(metrics, [], []);
    expect((await metrics.heartbeatFresh.get()).values).toEqual([]);
    expect((await metrics.serviceScore.get()).values).toEqual([]);
  });
});
