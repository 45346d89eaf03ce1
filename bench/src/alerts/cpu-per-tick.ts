import { CrossingIndex, type CrossingEntry, type CrossingLookup } from '@marketswarm/copilot/dist/alerts/index/crossing-index.js';
import { LinearCrossingScan } from '@marketswarm/copilot/dist/alerts/index/linear-crossing-scan.js';
import { machineBusySeconds } from '../fanout/proc-stats.js';
import { percentile } from '../fanout/stats.js';
import type { AlertPopulation } from './alert-population.js';
import { firedSetHash, runChecksum } from './fired-checksum.js';
import type { Tick } from './tick-stream.js';

export const EVALUATORS = ['sorted', 'linear'] as const;
export type EvaluatorName = (typeof EVALUATORS)[number];

export interface EvaluatorResult {
  evaluator: EvaluatorName;
  /** Upserting the whole population into an empty structure. */
  buildMs: number;
  ticks: number;
  /** Wall time of crossed() + removing what fired, per tick, µs. */
  meanUs: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
  /** This process's CPU (user + system) over the measured ticks ÷ ticks, µs: includes GC. */
  cpuUsPerTick: number;
  fired: number;
  firedPerTick: number;
  /** Ticks that fired at least one alert. */
  firingTicks: number;
  /** Gap ticks in the stream and the alerts they fired. */
  gapTicks: number;
  gapFired: number;
  checksum: string;
  /** Mean cost of upserting one replacement alert (a user setting a new one), µs. */
  upsertUs: number;
  finalSize: number;
}

export interface CpuPerTickResult {
  evaluators: EvaluatorResult[];
  /** Both evaluators fired the same alerts on every tick (count and fingerprint). */
  same: boolean;
  mismatchAtTick: number | null;
  warmupTicks: number;
  blockTicks: number;
  /** Machine-wide cores busy outside this process during the measured blocks: other sessions' noise. */
  otherCores: number;
}

interface Lane {
  name: EvaluatorName;
  lookup: CrossingLookup;
  buildMs: number;
  samplesUs: Float64Array;
  firedPerTick: Uint32Array;
  hashPerTick: Uint32Array;
  cpuUs: number;
  upsertUs: number;
  upserts: number;
  replacementsMade: number;
}

function build(name: EvaluatorName, alerts: readonly CrossingEntry[], ticks: number): Lane {
  const lookup: CrossingLookup = name === 'sorted' ? new CrossingIndex() : new LinearCrossingScan();
  const t0 = performance.now();
  for (const alert of alerts) lookup.upsert(alert);
  const buildMs = performance.now() - t0;
  return {
    name,
    lookup,
    buildMs,
    samplesUs: new Float64Array(ticks),
    firedPerTick: new Uint32Array(ticks),
    hashPerTick: new Uint32Array(ticks),
    cpuUs: 0,
    upsertUs: 0,
    upserts: 0,
    replacementsMade: 0,
  };
}

/**
 * Runs one block of ticks through one lane: the timed part is what the engine does per tick —
 * find the crossed alerts and retire them (each fires once). Outside the timing, the fired set is
 * fingerprinted and each fired alert is replaced by a new one (users keep setting alerts), so the
 * population stays at its size; the replacements are the same for both lanes because they are
 * made from a counter in id order.
 */
function runBlock(lane: Lane, ticks: readonly Tick[], start: number, end: number, warmup: number, population: AlertPopulation, prices: Map<string, number>): void {
  const c0 = process.cpuUsage();
  for (let t = start; t < end; t++) {
    const tick = ticks[t]!;
    const t0 = performance.now();
    const hits = lane.lookup.crossed(tick.symbol, tick.from, tick.price);
    for (const hit of hits) lane.lookup.remove(hit.id);
    const us = (performance.now() - t0) * 1000;
    lane.samplesUs[t] = us;
    lane.firedPerTick[t] = hits.length;
    lane.hashPerTick[t] = firedSetHash(hits);
    prices.set(tick.symbol, tick.price);
    if (hits.length > 0) {
      const u0 = performance.now();
      for (let i = 0; i < hits.length; i++) lane.lookup.upsert(population.replacement(lane.replacementsMade++, prices));
      if (t >= warmup) {
        lane.upsertUs += (performance.now() - u0) * 1000;
        lane.upserts += hits.length;
      }
    }
  }
  const used = process.cpuUsage(c0);
  if (start >= warmup) lane.cpuUs += used.user + used.system;
}

function summarise(lane: Lane, ticks: readonly Tick[], warmup: number): EvaluatorResult {
  const measured = lane.samplesUs.slice(warmup);
  const sorted = Float64Array.from(measured).sort();
  const list = Array.from(sorted);
  const count = measured.length;
  let fired = 0;
  let firingTicks = 0;
  let gapTicks = 0;
  let gapFired = 0;
  for (let t = warmup; t < ticks.length; t++) {
    const n = lane.firedPerTick[t]!;
    fired += n;
    if (n > 0) firingTicks++;
    if (ticks[t]!.gap) {
      gapTicks++;
      gapFired += n;
    }
  }
  const round = (v: number): number => Math.round(v * 100) / 100;
  return {
    evaluator: lane.name,
    buildMs: round(lane.buildMs),
    ticks: count,
    meanUs: round(measured.reduce((a, b) => a + b, 0) / count),
    p50Us: round(percentile(list, 50) ?? Number.NaN),
    p99Us: round(percentile(list, 99) ?? Number.NaN),
    maxUs: round(list[list.length - 1] ?? Number.NaN),
    cpuUsPerTick: round(lane.cpuUs / count),
    fired,
    firedPerTick: round(fired / count),
    firingTicks,
    gapTicks,
    gapFired,
    checksum: runChecksum(lane.hashPerTick.subarray(warmup)),
    upsertUs: round(lane.upserts === 0 ? Number.NaN : lane.upsertUs / lane.upserts),
    finalSize: lane.lookup.size(),
  };
}

/**
 * Part A: both evaluators over the same alerts and the same ticks, in alternating blocks (sorted
 * then linear over the same block) so machine noise lands on both alike while each keeps its own
 * caches warm within a block. After every block the fired sets are compared tick by tick: an
 * evaluator that fires differently voids the run.
 */
export function cpuPerTick(population: AlertPopulation, ticks: readonly Tick[], warmupTicks: number, blockTicks: number, log: (line: string) => void): CpuPerTickResult {
  const lanes = EVALUATORS.map((name) => {
    log(`part A: upserting ${population.alerts.length.toLocaleString('en-US')} alerts into ${name}…`);
    return build(name, population.alerts, ticks.length);
  });
  const pricesOf = (): Map<string, number> => new Map<string, number>();
  const prices = new Map(lanes.map((lane) => [lane.name, pricesOf()]));
  let mismatchAtTick: number | null = null;
  let busy = 0;
  let elapsed = 0;
  let ownCpu = 0;
  for (let start = 0; start < ticks.length && mismatchAtTick === null; start += blockTicks) {
    const end = Math.min(ticks.length, start + blockTicks);
    const m0 = machineBusySeconds();
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    for (const lane of lanes) runBlock(lane, ticks, start, end, warmupTicks, population, prices.get(lane.name)!);
    if (start >= warmupTicks) {
      const used = process.cpuUsage(c0);
      ownCpu += (used.user + used.system) / 1e6;
      busy += machineBusySeconds() - m0;
      elapsed += (performance.now() - w0) / 1000;
    }
    const [a, b] = lanes;
    for (let t = start; t < end; t++) {
      if (a!.firedPerTick[t] !== b!.firedPerTick[t] || a!.hashPerTick[t] !== b!.hashPerTick[t]) {
        mismatchAtTick = t;
        break;
      }
    }
    if ((end / blockTicks) % 20 === 0) log(`part A: ${end.toLocaleString('en-US')} / ${ticks.length.toLocaleString('en-US')} ticks`);
  }
  const evaluators = lanes.map((lane) => summarise(lane, ticks, warmupTicks));
  return {
    evaluators,
    same: mismatchAtTick === null && evaluators.every((e) => e.checksum === evaluators[0]!.checksum && e.fired === evaluators[0]!.fired),
    mismatchAtTick,
    warmupTicks,
    blockTicks,
    otherCores: Math.round(Math.max(0, (busy - ownCpu) / Math.max(elapsed, 1e-9)) * 100) / 100,
  };
}
