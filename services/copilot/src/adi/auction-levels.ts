import type { AdiAuction, Candle } from '@marketswarm/shared/dto';
import { extent, PRICE_PLACES, round } from './adi-numbers.js';

/** The share of the day's volume the value area holds. */
export const VALUE_AREA_SHARE = 0.7;
/** Steps the day's range is cut into when no bin size is given. */
export const TARGET_LEVELS = 40;
/** High- and low-volume nodes reported at most, the strongest first chosen. */
export const MAX_NODES = 5;

export interface ProfileLevel {
  price: number;
  volume: number;
}

/** Float noise of price / bin (6000.3 / 0.1 = 60002.99999…) must not move a bar's edge to the next level. */
const EPSILON = 1e-9;

/** The nearest 1, 2, 2.5 or 5 × 10^k at or above `raw`: a step a trader reads a ladder in. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  const step = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
  return Math.max(0.01, round(step * power, 8));
}

/**
 * The volume profile: a price ladder of `binSize` steps, each bar's volume spread evenly over the
 * ladder levels inside its low–high range (a bar narrower than one step puts it all on the level
 * nearest its close). Every level from the lowest to the highest is listed, empty ones too, so the
 * gaps that make low-volume nodes are there. Ascending by price.
 */
export function volumeProfile(candles: readonly Candle[], binSize: number): ProfileLevel[] {
  const byLevel = new Map<number, number>();
  for (const bar of candles) {
    const volume = bar.v ?? 0;
    if (volume <= 0) continue;
    let from = Math.ceil(bar.l / binSize - EPSILON);
    let to = Math.floor(bar.h / binSize + EPSILON);
    if (from > to) from = to = Math.round(bar.c / binSize);
    const share = volume / (to - from + 1);
    for (let k = from; k <= to; k += 1) byLevel.set(k, (byLevel.get(k) ?? 0) + share);
  }
  const span = extent(byLevel.keys());
  if (span === null) return [];
  const levels: ProfileLevel[] = [];
  for (let k = span.low; k <= span.high; k += 1) levels.push({ price: round(k * binSize, 8), volume: byLevel.get(k) ?? 0 });
  return levels;
}

/** The level that traded the most; on a tie the one nearest the middle of the profile, then the lower. */
export function pointOfControl(levels: readonly ProfileLevel[]): number {
  const middle = (levels.length - 1) / 2;
  let best = -1;
  levels.forEach((level, i) => {
    const current = levels[best];
    if (current === undefined || level.volume > current.volume || (level.volume === current.volume && Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  });
  return best;
}

/**
 * The value area, grown from the POC one level at a time: the next level above and the next below
 * are compared and the busier one joins (both on a tie), until the area holds VALUE_AREA_SHARE of
 * the volume. Returns the indices of its lowest and highest level.
 */
export function valueArea(levels: readonly ProfileLevel[], poc: number): { low: number; high: number } {
  const total = levels.reduce((sum, level) => sum + level.volume, 0);
  const target = total * VALUE_AREA_SHARE;
  let low = poc;
  let high = poc;
  let inside = levels[poc]?.volume ?? 0;
  while (inside < target - EPSILON) {
    const up = levels[high + 1]?.volume;
    const down = levels[low - 1]?.volume;
    if (up === undefined && down === undefined) break;
    if (down === undefined || (up !== undefined && up > down)) {
      high += 1;
      inside += up ?? 0;
    } else if (up === undefined || down > up) {
      low -= 1;
      inside += down;
    } else {
      high += 1;
      low -= 1;
      inside += up + down;
    }
  }
  return { low, high };
}

/** Each level's volume averaged with its neighbours' (three levels, two at the ends), so one-level noise makes no node. */
export function smoothProfile(levels: readonly ProfileLevel[]): number[] {
  return levels.map((_, i) => {
    const window = levels.slice(Math.max(0, i - 1), i + 2);
    return window.reduce((sum, level) => sum + level.volume, 0) / window.length;
  });
}

/**
 * Local peaks (`'high'`) or troughs (`'low'`) of the smoothed profile: a run of equal values whose
 * neighbours on both sides are lower (for a peak) or higher (for a trough); the run's middle level
 * (the lower of two) stands for it. The profile's ends are not nodes: a tail has one neighbour.
 * The MAX_NODES strongest are kept (highest peaks, lowest troughs), returned ascending by price.
 */
export function volumeNodes(levels: readonly ProfileLevel[], smoothed: readonly number[], kind: 'high' | 'low'): number[] {
  const runs: { start: number; end: number; value: number }[] = [];
  smoothed.forEach((value, i) => {
    const last = runs.at(-1);
    if (last !== undefined && Math.abs(last.value - value) <= EPSILON * Math.max(1, Math.abs(value))) last.end = i;
    else runs.push({ start: i, end: i, value });
  });
  const nodes: { index: number; value: number }[] = [];
  for (let r = 1; r < runs.length - 1; r += 1) {
    const [before, run, after] = [runs[r - 1], runs[r], runs[r + 1]];
    if (before === undefined || run === undefined || after === undefined) continue;
    const isNode = kind === 'high' ? run.value > before.value && run.value > after.value : run.value < before.value && run.value < after.value;
    if (isNode) nodes.push({ index: Math.floor((run.start + run.end) / 2), value: run.value });
  }
  return nodes
    .sort((a, b) => (kind === 'high' ? b.value - a.value : a.value - b.value))
    .slice(0, MAX_NODES)
    .map((node) => levels[node.index]?.price ?? 0)
    .sort((a, b) => a - b);
}

/**
 * Where the day's auction found value, from today's bars' volume: the POC, the 70 % value area
 * (VAH/VAL) and the high/low-volume nodes. Without a bin size the day's range is cut into about
 * TARGET_LEVELS nice steps (1, 2, 2.5, 5 × 10^k).
 */
export function auctionLevels(candles: readonly Candle[], binSize?: number): AdiAuction {
  const traded = candles.filter((bar) => (bar.v ?? 0) > 0);
  const range = extent(traded.flatMap((bar) => [bar.l, bar.h]));
  const step = binSize ?? (range === null ? null : niceStep((range.high - range.low) / TARGET_LEVELS));
  const levels = step === null ? [] : volumeProfile(traded, step);
  const totalVolume = levels.reduce((sum, level) => sum + level.volume, 0);
  if (levels.length === 0 || totalVolume <= 0) return { bars: traded.length, binSize: step, totalVolume: 0, poc: null, vah: null, val: null, hvn: [], lvn: [] };
  const poc = pointOfControl(levels);
  const area = valueArea(levels, poc);
  const smoothed = smoothProfile(levels);
  const price = (i: number): number | null => (levels[i] === undefined ? null : round(levels[i].price, PRICE_PLACES));
  return {
    bars: traded.length,
    binSize: step,
    totalVolume: round(totalVolume, 2),
    poc: price(poc),
    vah: price(area.high),
    val: price(area.low),
    hvn: volumeNodes(levels, smoothed, 'high').map((p) => round(p, PRICE_PLACES)),
    lvn: volumeNodes(levels, smoothed, 'low').map((p) => round(p, PRICE_PLACES)),
  };
}
