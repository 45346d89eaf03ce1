/** A trailing stop as armed: which way the trade is, and how far behind the best price the stop trails. */
export interface TrailingStopSpec {
  side: 'long' | 'short';
  trail: number;
  trailUnit: 'points' | 'percent';
}

export interface TrailingStep {
  /** The best price since the stop was armed, including this tick. */
  best: number;
  stop: number;
  fired: boolean;
}

/**
 * One tick of a trailing stop. A long's stop trails below the highest price since it was armed and
 * fires when the price falls to it; a short's trails above the lowest and fires when the price rises
 * to it. With no best yet, the stop arms at this price (so it cannot fire on the arming tick).
 */
export function stepTrailingStop(spec: TrailingStopSpec, best: number | undefined, price: number): TrailingStep {
  if (spec.side === 'long') {
    const high = best === undefined ? price : Math.max(best, price);
    const stop = spec.trailUnit === 'points' ? high - spec.trail : high * (1 - spec.trail / 100);
    return { best: high, stop, fired: price <= stop };
  }
  const low = best === undefined ? price : Math.min(best, price);
  const stop = spec.trailUnit === 'points' ? low + spec.trail : low * (1 + spec.trail / 100);
  return { best: low, stop, fired: price >= stop };
}
