import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchOptions, ServerKind } from './options.js';
import { medianFigures, medianRatios, type RoundFigures } from './round-medians.js';
import type { LatencySummary } from './stats.js';

export interface ScenarioResult {
  server: ServerKind;
  description: string;
  subscribers: number;
  /** Subscribers actually asked of this server (lower when its fd limit caps it). */
  attempted: number;
  cappedBy: string | null;
  rate: number;
  durationSec: number;
  /** Opening the subscriptions: wall time, and server CPU spent per subscription (auth, catch-up…). */
  connect: { opened: number; failed: number; errors: string[]; ms: number; serverCpuMsPerConnection: number | null };
  published: number;
  publishFailed: number;
  expectedDeliveries: number;
  delivered: number;
  /** expected − delivered (0 when every published event reached every open subscriber). */
  shortfall: number;
  /** Subscriptions the server closed during the measurement. */
  lost: number;
  perConnectionMin: number;
  perConnectionMax: number;
  shortConnections: number;
  windowSec: number;
  deliveriesPerSec: number;
  serverCpu: { seconds: number; perMillion: number | null; cores: number; processes: number };
  /** Redis, for ours: CPU of all three instances in the window (not counted in serverCpu). */
  redis: { cpuSec: number; perMillion: number | null } | null;
  latency: LatencySummary;
  rss: {
    beforeBytes: number;
    afterBytes: number;
    /** (RSS with N idle connections − RSS before) ÷ N: fixed costs included, as other harnesses report it. */
    perIdleConnectionBytes: number | null;
    /** RSS growth over the second half of the connections ÷ their count: what one more connection costs. */
    marginalPerConnectionBytes: number | null;
  };
  loadgen: { processes: number; cpuSec: number; maxCoreShare: number; loopDelayP99Ms: number; loopDelayMaxMs: number; bytesReceived: number; sampledConnections: number };
  publisherCpuSec: number;
  /** Cores busy machine-wide during the window, and the part not spent by anything this run measured. */
  machine: { busyCores: number; otherCores: number; busyBeforeCores: number; quietWaitSec: number };
  check: { allDelivered: boolean; loadgenHeadroom: boolean; machineSaturated: boolean; verdict: string };
  error?: string;
  /** Which pass over the matrix (--rounds), from 1. */
  round?: number;
}

export interface RunMeta {
  startedAt: string;
  host: { cpus: number; node: string; nginx: string; kernel: string; nofileHard: number };
  event: { payloadBytes: number; envelopeBytes: number };
  gatewayTruthVersion: string | null;
}

/** The targets of issue 16, each a ratio or figure from the same run. */
export const TARGETS = {
  /** ours ÷ nchan CPU-s per million deliveries, at every size and rate. */
  cpuPerDeliveryRatio: 0.9,
  /** ours ÷ nchan p99 publish→receive, at every size and rate (saturation included). */
  p99Ratio: 1,
  /** KiB of RSS per idle connection at 5k and 20k. */
  rssKiBPerIdleConnection: 9,
} as const;

export const CAVEAT =
  'Caveat: one noisy 2-core machine — the load generator, the publisher and Redis share both cores with the server under test, so absolute figures are pessimistic and vary run to run; compare the ratios.';

const fmt = (v: number | null | undefined, digits = 1): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits));
const fmtInt = (v: number): string => Math.round(v).toLocaleString('en-US');
const kib = (bytes: number | null): number | null => (bytes === null ? null : bytes / 1024);

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function scenarioKey(r: ScenarioResult): string {
  return `${r.subscribers}×${r.rate}/s`;
}

function roundFigures(results: readonly ScenarioResult[]): RoundFigures[] {
  return results
    .filter((r) => !r.error)
    .map((r) => ({
      server: r.server,
      scenario: scenarioKey(r),
      cpuPerMillion: r.serverCpu.perMillion,
      p50Ms: r.latency.p50Ms,
      p99Ms: r.latency.p99Ms,
      rssPerConnection: r.rss.perIdleConnectionBytes,
      marginalPerConnection: r.rss.marginalPerConnectionBytes,
      deliveriesPerSec: r.deliveriesPerSec,
    }));
}

export function renderReport(results: readonly ScenarioResult[], options: BenchOptions, meta: RunMeta): string {
  const out: string[] = [];
  out.push('', `SSE fan-out, ${meta.host.cpus} cores, node ${meta.host.node}, ${meta.host.nginx}; event payload ${meta.event.payloadBytes} B (envelope ${meta.event.envelopeBytes} B), ${options.durationSec} s per scenario`, '');
  out.push(
    table(
      ['server', 'subs × rate', 'opened', 'deliveries/s', 'CPU-s/M deliv', 'cores', 'p50 ms', 'p99 ms', 'max ms', 'RSS KiB/idle conn', 'marginal', 'connect CPU-ms', 'shortfall', 'Redis CPU-s/M', 'loadgen core%', 'other cores'],
      results.map((r) => [
        (r.round ?? 1) > 1 || results.some((x) => (x.round ?? 1) > 1) ? `${r.server} #${r.round ?? 1}` : r.server,
        scenarioKey(r),
        r.error ? 'ERROR' : `${fmtInt(r.connect.opened)}${r.cappedBy ? '*' : ''}`,
        fmtInt(r.deliveriesPerSec),
        fmt(r.serverCpu.perMillion, 2),
        fmt(r.serverCpu.cores, 2),
        fmt(r.latency.p50Ms, 1),
        fmt(r.latency.p99Ms, 1),
        fmt(r.latency.maxMs, 0),
        fmt(kib(r.rss.perIdleConnectionBytes), 2),
        fmt(kib(r.rss.marginalPerConnectionBytes), 2),
        fmt(r.connect.serverCpuMsPerConnection, 3),
        fmtInt(r.shortfall),
        r.redis ? fmt(r.redis.perMillion, 2) : '',
        fmt(r.loadgen.maxCoreShare * 100, 0),
        fmt(r.machine.otherCores, 2),
      ]),
    ),
  );
  const capped = results.filter((r) => r.cappedBy);
  out.push('(other cores: CPU the machine spent outside every process this run measured — other sessions\' work is noise in every figure)');
  for (const r of capped) out.push(`* ${r.server} ${scenarioKey(r)}: ${r.cappedBy}`);
  for (const r of results.filter((x) => x.error)) out.push(`! ${r.server} ${scenarioKey(r)} failed: ${r.error}`);

  // Ratios, scenario by scenario.
  const scenarios = [...new Set(results.map(scenarioKey))];
  const rounds = roundFigures(results);
  const ratioRows: string[][] = [];
  for (const key of scenarios) {
    for (const peer of ['nchan', 'baseline'] as const) {
      const r = medianRatios(rounds, peer, key);
      if (!r) continue;
      ratioRows.push([
        `ours/${peer}`,
        key,
        fmt(r.deliveriesPerSec, 2),
        fmt(r.cpuPerMillion, 2),
        fmt(r.p50Ms, 2),
        fmt(r.p99Ms, 2),
        fmt(r.rssPerConnection, 2),
        fmt(r.marginalPerConnection, 2),
      ]);
    }
  }
  if (ratioRows.length) {
    const most = Math.max(...results.map((r) => r.round ?? 1));
    out.push('', `Ratios${most > 1 ? ` of the medians over ${most} rounds` : ''} (below 1 = ours uses less / is faster; deliveries/s above 1 = ours delivers more):`);
    out.push(table(['ratio', 'subs × rate', 'deliveries/s', 'CPU/M deliv', 'p50', 'p99', 'RSS/idle conn', 'marginal'], ratioRows));
  }

  out.push('', 'Targets (issue 16, ours against nchan in this run):');
  const verdict = (ok: boolean | null): string => (ok === null ? 'n/a' : ok ? 'MET' : 'NOT MET');
  for (const key of scenarios) {
    const ours = medianFigures(rounds, 'ours', key);
    if (ours.rounds === 0) continue;
    const vsNchan = medianRatios(rounds, 'nchan', key);
    const cpu = vsNchan?.cpuPerMillion ?? null;
    const p99 = vsNchan?.p99Ms ?? null;
    const rss = kib(ours.rssPerConnection);
    const marginal = kib(ours.marginalPerConnection);
    out.push(
      `  ${key.padEnd(12)} CPU/delivery ${fmt(cpu, 2)}× (≤ ${TARGETS.cpuPerDeliveryRatio}) ${verdict(cpu === null ? null : cpu <= TARGETS.cpuPerDeliveryRatio)}; ` +
        `p99 ${fmt(p99, 2)}× (≤ ${TARGETS.p99Ratio}) ${verdict(p99 === null ? null : p99 <= TARGETS.p99Ratio)}; ` +
        `RSS/idle conn ${fmt(rss, 2)} KiB, marginal ${fmt(marginal, 2)} (≤ ${TARGETS.rssKiBPerIdleConnection}) ${verdict(rss === null ? null : rss <= TARGETS.rssKiBPerIdleConnection)}`,
    );
  }

  out.push('', 'Load generator check (is the client the bottleneck?):');
  out.push(
    '  For every run: delivered must equal published × open subscribers (counted per connection), each load-client process must stay below 85 % of one core, ' +
      'and its event-loop delay p99 must stay below 20 ms (a busy client would read late and inflate latency). ' +
      'A run where the whole machine was ≥ 95 % busy is marked saturated: there the load generator took CPU the server could have used.',
  );
  for (const r of results) {
    if (r.error) continue;
    out.push(
      `  ${r.server.padEnd(8)} ${scenarioKey(r).padEnd(12)} published ${fmtInt(r.published)} × ${fmtInt(r.connect.opened)} = ${fmtInt(r.expectedDeliveries)}, delivered ${fmtInt(r.delivered)}` +
        ` (per connection ${r.perConnectionMin}…${r.perConnectionMax}${r.lost ? `, ${r.lost} lost` : ''}); ${r.loadgen.processes} clients used ${fmt(r.loadgen.cpuSec, 2)} CPU-s, busiest ${fmt(r.loadgen.maxCoreShare * 100, 0)} % of a core, loop delay p99 ${fmt(r.loadgen.loopDelayP99Ms, 1)} ms → ${r.check.verdict}`,
    );
  }
  out.push('', CAVEAT);
  return out.join('\n');
}

export async function writeResults(dir: string, payload: { meta: RunMeta; options: BenchOptions; results: readonly ScenarioResult[]; extra?: Record<string, unknown> }): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `fanout-${payload.meta.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify({ ...payload, targets: TARGETS, caveat: CAVEAT }, null, 2)}\n`);
  return file;
}
