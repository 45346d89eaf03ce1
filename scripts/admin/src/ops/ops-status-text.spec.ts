import { describe, expect, it } from 'vitest';
import type { HealthReport } from '@marketswarm/shared/ops';
import { formatLag, renderOpsStatus } from './ops-status-text.js';
import type { OpsStatus } from './ops-status.js';

const TS = Date.UTC(2026, 11, 7, 9, 30);
const report: HealthReport = { ts: TS, intervalMs: 2000, overall: { score: 96, status: 'degraded' }, services: [], redis: [] };
const ops: OpsStatus = {
  watch: { report, fresh: true, ageSec: 1.2 },
  recovery: [
    { ts: TS, service: 'journal', action: 'recovered', reason: 'healthy after 1 restart', attempt: 1, ok: true },
    { ts: TS - 30_000, service: 'journal', action: 'restart', reason: 'heartbeat stale', attempt: 1, ok: true },
  ],
  streams: [
    { topic: 'spot', bus: 'market', stream: '{market}:stream:spot', length: 120, maxlen: 10000, lastId: '1000-0', gateways: [{ instance: 'gw-a', cursor: '1000-0', lagMs: 0, behind: false }, { instance: 'gw-b', cursor: '400-0', lagMs: 600, behind: true }] },
    { topic: 'intel', bus: 'intel', stream: '{intel}:stream:intel', length: null, maxlen: 5000, lastId: null, gateways: [{ instance: 'gw-a', cursor: null, lagMs: null, behind: false }] },
  ],
  redis: [
    { bus: 'system', reachable: true, usedMemoryBytes: 1_572_864, maxMemoryBytes: null, aof: true },
    { bus: 'intel', reachable: false, usedMemoryBytes: null, maxMemoryBytes: null, aof: null },
  ],
};

describe(renderOpsStatus.name, () => {
  it('shows the overall score, the recoveries, lag per gateway and Redis memory', () => {
    expect(renderOpsStatus(ops)).toBe(
      [
        'watch  overall score 96 degraded (report 1.2s old)',
        '',
        'recent recovery actions',
        '  2026-12-07T09:30:00.000Z  journal  recovered  healthy after 1 restart',
        '  2026-12-07T09:29:30.000Z  journal  restart (attempt 1)  heartbeat stale',
        '',
        'stream  bus     length       maxlen  producer id  lag gw-a  lag gw-b',
        'spot    market  120          10000   1000-0       level     600 ms behind',
        'intel   intel   unreachable  5000    -            -         -',
        '',
        'redis   state        used memory  maxmemory  aof',
        'system  up           1.5 MiB      no limit   on',
        'intel   unreachable  -            -          -',
      ].join('\n'),
    );
  });

  it('says the watch is not running when its report is stale or absent', () => {
    expect(renderOpsStatus({ ...ops, watch: { report, fresh: false, ageSec: 42 } })).toMatch(/^watch {2}watch not running \(last report 42s old\)/);
    expect(renderOpsStatus({ ...ops, watch: { report: null, fresh: false, ageSec: null }, recovery: [] })).toMatch(/^watch {2}watch not running\n\nrecent recovery actions\n {2}none/);
  });
});


describe(formatLag.name, () => {
  it('reads level, milliseconds or seconds behind', () => {
    expect(formatLag({ instance: 'a', cursor: '1-0', lagMs: 2500, behind: true })).toBe('2.5 s behind');
    expect(formatLag({ instance: 'a', cursor: '1-0', lagMs: 0, behind: true })).toBe('0 ms behind');
  });
});
