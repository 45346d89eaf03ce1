import { childPids, cpuSeconds, machineBusySeconds } from '../fanout/proc-stats.js';
import { percentile } from '../fanout/stats.js';

/** One figure over several runs: wall-clock and this process's CPU time, median and p95 of each. */
export interface Measurement {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  /** CPU time of this process (user + system, GC threads included) per run, median. */
  cpuMedianMs: number;
  /** CPU of the database server (PostgreSQL postmaster and backends) per run, mean; null without one. */
  serverCpuMsPerRun: number | null;
  /** Cores busy machine-wide during the runs beyond this process and the server: other sessions' noise. */
  otherCores: number;
  /** Seconds spent waiting for a quiet machine before the runs. */
  quietWaitSec: number;
  /** The first warm-up run: the cold cost, before the JIT optimised anything. */
  coldMs: number;
  samplesMs: number[];
}

const round = (v: number): number => Math.round(v * 100) / 100;

/**
 * Runs `fn` unmeasured first (JIT warm-up, caches such as the exchange-day offsets that a running
 * service keeps warm too), then `runs` times measured. Wall time is the figure checked against a
 * budget; CPU time is shown beside it because other sessions share this machine's two cores.
 */
export interface MeasureOptions {
  /** Unmeasured work after each run (e.g. making a fresh log for the next import). */
  between?: () => unknown;
  /** The database server's pid: its CPU (and its backends') is reported, not counted as noise. */
  serverPid?: number;
  /** Most seconds to wait, before measuring, for a second in which the machine is nearly idle. */
  quietWaitSec?: number;
  /** Unmeasured runs first (default 1): enough for the JIT to reach the code a running service has. */
  warmups?: number;
}

/** Below this many busy cores (machine-wide, this process idle) a second counts as quiet. */
const QUIET_CORES = 0.3;

/**
 * Other sessions share the machine: wait (up to `maxSec`) for a second in which it is nearly idle,
 * so a burst of someone else's work is less likely to land in the runs. Returns the seconds waited.
 */
export async function waitForQuiet(maxSec: number): Promise<number> {
  const started = performance.now();
  while ((performance.now() - started) / 1000 < maxSec) {
    const m0 = machineBusySeconds();
    const t0 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if ((machineBusySeconds() - m0) / ((performance.now() - t0) / 1000) < QUIET_CORES) break;
  }
  return Math.round((performance.now() - started) / 100) / 10;
}

function serverCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  return cpuSeconds(pid) + childPids(pid).reduce((sum, child) => sum + cpuSeconds(child), 0);
}

export async function measure(runs: number, fn: () => unknown, options: MeasureOptions = {}): Promise<Measurement> {
  const { between, serverPid } = options;
  let coldMs = Number.NaN;
  for (let i = 0; i < (options.warmups ?? 1); i++) {
    const t0 = performance.now();
    await fn();
    if (i === 0) coldMs = performance.now() - t0;
    await between?.();
  }
  const quietWaitSec = await waitForQuiet(options.quietWaitSec ?? 0);
  const wall: number[] = [];
  const cpu: number[] = [];
  let busy = 0;
  let elapsed = 0;
  let server = 0;
  for (let i = 0; i < runs; i++) {
    const m0 = machineBusySeconds();
    const s0 = serverCpuSeconds(serverPid);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    const ms = performance.now() - t0;
    const used = process.cpuUsage(c0);
    const serverUsed = serverCpuSeconds(serverPid) - s0;
    server += serverUsed;
    busy += machineBusySeconds() - m0 - (used.user + used.system) / 1e6 - serverUsed;
    elapsed += ms / 1000;
    wall.push(ms);
    cpu.push((used.user + used.system) / 1000);
    await between?.();
  }
  const sortedWall = [...wall].sort((a, b) => a - b);
  const sortedCpu = [...cpu].sort((a, b) => a - b);
  return {
    runs,
    medianMs: round(percentile(sortedWall, 50) ?? Number.NaN),
    p95Ms: round(percentile(sortedWall, 95) ?? Number.NaN),
    minMs: round(sortedWall[0] ?? Number.NaN),
    cpuMedianMs: round(percentile(sortedCpu, 50) ?? Number.NaN),
    serverCpuMsPerRun: serverPid === undefined ? null : round((server * 1000) / runs),
    otherCores: round(Math.max(0, busy / Math.max(elapsed, 1e-9))),
    quietWaitSec,
    coldMs: round(coldMs),
    samplesMs: wall.map(round),
  };
}
