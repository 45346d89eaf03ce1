import { describe, expect, it } from 'vitest';
import { parsePm2Processes, restartTimeoutMs } from './pm2-process.js';

const NOW = 1_800_000_000_000;

describe(parsePm2Processes.name, () => {
  it('reads pid, status, restarts, memory, cpu and uptime of an online process', () => {
    const described = [{ name: 'fotw-sse', pm_id: 3, pid: 4242, monit: { memory: 52_428_800, cpu: 2.5 }, pm2_env: { status: 'online', restart_time: 4, pm_uptime: NOW - 90_000, kill_timeout: 12_000, extra: true } }];
    expect(parsePm2Processes(described, NOW)).toEqual([
      { pmId: 3, name: 'fotw-sse', pid: 4242, status: 'online', restarts: 4, memoryBytes: 52_428_800, cpuPct: 2.5, uptimeSec: 90, killTimeoutMs: 12_000 },
    ]);
  });

  it('reports no pid, memory or uptime for a stopped process, and skips entries of another shape', () => {
    const described = [{ name: 'fotw-intel', pm_id: 1, pid: 0, monit: { memory: 0, cpu: 0 }, pm2_env: { status: 'stopped', pm_uptime: NOW } }, { name: 'broken' }];
    expect(parsePm2Processes(described, NOW)).toEqual([{ pmId: 1, name: 'fotw-intel', pid: null, status: 'stopped', restarts: 0, memoryBytes: null, cpuPct: null, uptimeSec: null, killTimeoutMs: null }]);
  });
});

describe(restartTimeoutMs.name, () => {
  it("waits past the process's kill_timeout, which pm2 sits out in full for a hung process", () => {
    expect(restartTimeoutMs(12_000, 10_000)).toBe(17_000);
    expect(restartTimeoutMs(null, 10_000)).toBe(10_000);
    expect(restartTimeoutMs(null, 1000)).toBe(6600);
  });
});
