import { type ClosedTrade } from './closed-trade.js';

export interface HistogramBin {
  /** Inclusive lower edge, micro-dollars. */
  fromMinor: number;
  /** Exclusive upper edge. */
  toMinor: number;
  count: number;
  netMinor: number;
}

export interface Histogram {
  binMinor: number;
  /** Contiguous from the lowest to the highest non-empty bin (empty bins between included). */
  bins: HistogramBin[];
}

const TARGET_BINS = 20;
const SMALLEST_BIN_MINOR = 10_000; // one cent

/**
 * The smallest 1-2-5 × 10^k width (one cent at least) that covers the range in about 20 bins,
 * so edges land on round amounts.
 */
export function niceBinWidth(rangeMinor: number): number {
  const raw = Math.max(rangeMinor / TARGET_BINS, SMALLEST_BIN_MINOR);
  for (let magnitude = SMALLEST_BIN_MINOR; ; magnitude *= 10) {
    for (const step of [1, 2, 5]) if (step * magnitude >= raw) return step * magnitude;
  }
}

/**
 * Net P&L per trade in bins [k·w, (k+1)·w) aligned to multiples of the width, so 0 is always an
 * edge: a break-even trade at exactly 0 falls in the first non-negative bin.
 */
export function histogram(trades: readonly ClosedTrade[], binMinor: number | null = null): Histogram {
  return histogramOfNets(
    trades.map((t) => t.netMinor),
    binMinor,
  );
}

/** histogram() of the trades' net P&L values. */
export function histogramOfNets(nets: ArrayLike<number>, binMinor: number | null = null): Histogram {
  if (nets.length === 0) return { binMinor: binMinor ?? SMALLEST_BIN_MINOR, bins: [] };
  // A loop, not Math.min(...nets): spreading 100k arguments overflows the stack.
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < nets.length; i++) {
    lo = Math.min(lo, nets[i] as number);
    hi = Math.max(hi, nets[i] as number);
  }
  const w = binMinor ?? niceBinWidth(hi - lo);
  const first = Math.floor(lo / w);
  const last = Math.floor(hi / w);
  const bins: HistogramBin[] = [];
  for (let k = first; k <= last; k++) bins.push({ fromMinor: k * w, toMinor: (k + 1) * w, count: 0, netMinor: 0 });
  for (let i = 0; i < nets.length; i++) {
    const net = nets[i] as number;
    const bin = bins[Math.floor(net / w) - first];
    if (!bin) continue;
    bin.count += 1;
    bin.netMinor += net;
  }
  return { binMinor: w, bins };
}
