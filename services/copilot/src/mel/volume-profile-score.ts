import type { Candle } from '@marketswarm/shared/dto';
import type { MelInputs } from './mel-inputs.js';
import { clamp, NO_DATA, scoreOf, type ModelScoring } from './score-math.js';

/** Bars the acceptance and overlap components look at: the last quarter hour. */
const RECENT_BARS = 15;
/** Share of the day's volume the value area holds. */
const VALUE_AREA_SHARE = 0.7;
/** Bars with volume for full confidence: half an hour. */
const FULL_BARS = 30;

export interface VolumeProfile {
  /** Price bucket width: a thousandth of the price's order of magnitude (1 point for SPX at 6000). */
  step: number;
  poc: number;
  val: number;
  vah: number;
}

/** The price bucket width for a price: 10^(⌊log10 p⌋ − 3). */
export function profileStep(price: number): number {
  return 10 ** (Math.floor(Math.log10(price)) - 3);
}

/**
 * The day's volume profile: each bar's volume at its typical price (h + l + c) / 3, bucketed by
 * `step`; POC the bucket with the most volume (the lower on a tie); the value area grown from the
 * POC one occupied bucket at a time toward the side with more volume (below on a tie) until it
 * holds 70 % of the volume.
 */
export function volumeProfile(bars: readonly Candle[], step: number): VolumeProfile | null {
  const byBucket = new Map<number, number>();
  let total = 0;
  for (const b of bars) {
    const v = b.v ?? 0;
    if (v <= 0) continue;
    const bucket = Math.round((b.h + b.l + b.c) / 3 / step);
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + v);
    total += v;
  }
  if (total === 0) return null;
  const buckets = [...byBucket.keys()].sort((a, b) => a - b);
  const volumes = buckets.map((k) => byBucket.get(k) ?? 0);
  let pocIndex = 0;
  volumes.forEach((v, i) => {
    if (v > (volumes[pocIndex] ?? 0)) pocIndex = i;
  });
  let [lo, hi] = [pocIndex, pocIndex];
  let held = volumes[pocIndex] ?? 0;
  while (held < VALUE_AREA_SHARE * total && (lo > 0 || hi < buckets.length - 1)) {
    const below = lo > 0 ? (volumes[lo - 1] ?? 0) : -1;
    const above = hi < buckets.length - 1 ? (volumes[hi + 1] ?? 0) : -1;
    if (below >= above) held += volumes[--lo] ?? 0;
    else held += volumes[++hi] ?? 0;
  }
  const level = (i: number): number => (buckets[i] ?? 0) * step;
  return { step, poc: level(pocIndex), val: level(lo), vah: level(hi) };
}

/**
 * Volume profile: is price accepted in the day's value area, near the POC, rotating in overlapping
 * bars, on bars that carry volume? Needs today's 1-minute bars with volume.
 */
export function volumeProfileScore(inputs: Pick<MelInputs, 'candles'>): ModelScoring {
  const bars = inputs.candles;
  const withVolume = bars.filter((b) => (b.v ?? 0) > 0);
  const lastBar = bars.at(-1);
  if (withVolume.length === 0 || !lastBar) return NO_DATA;
  const profile = volumeProfile(bars, profileStep(lastBar.c));
  if (!profile) return NO_DATA;
  const recent = withVolume.slice(-RECENT_BARS);
  let overlapping = 0;
  for (let i = 1; i < recent.length; i += 1) {
    const [a, b] = [recent[i - 1] as Candle, recent[i] as Candle];
    if (Math.max(a.l, b.l) <= Math.min(a.h, b.h)) overlapping += 1;
  }
  const components: Record<string, number> = {
    acceptance: (100 * recent.filter((b) => b.c >= profile.val && b.c <= profile.vah).length) / recent.length,
    pocProximity: 100 * Math.max(0, 1 - Math.abs(lastBar.c - profile.poc) / (profile.vah - profile.val + profile.step)),
    volumeCoverage: (100 * withVolume.length) / bars.length,
  };
  if (recent.length >= 2) components['overlap'] = (100 * overlapping) / (recent.length - 1);
  return scoreOf(components, clamp(withVolume.length / FULL_BARS, 0, 1));
}
