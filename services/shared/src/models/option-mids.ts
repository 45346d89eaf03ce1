import { type HeatmapTile } from './heatmap.js';
import { expiryDateOf } from './session-close.js';

/**
 * The option mids a heatmap holds. The market producer publishes no option chain, only the heatmap
 * model per symbol; its `single-call` and `single-put` tiles are exactly one option bought, so each
 * one's debit is that option's mid (points, rounded to cents). The producer makes no single tile for
 * an option whose mid rounds to 0 (far out of the money): such an option has no mid here.
 *
 * Options are keyed by their New York expiry date, right and strike in integer micros, so 5012.5
 * typed by a trader and 5012.5 computed by the producer meet whatever float noise either carries.
 */
export type OptionMids = ReadonlyMap<string, number>;

/** One option as a leg names it. */
export interface OptionRef {
  /** YYYY-MM-DD, New York. */
  expiry: string;
  strike: number;
  right: 'call' | 'put';
}

/** What of a heatmap tile the mids need (the producer's `HeatmapTile` has more). */
export type PricedTile = Pick<HeatmapTile, 'strategy' | 'strike' | 'expiry' | 'debit'>;

function optionKey(expiry: string, right: 'call' | 'put', strike: number): string {
  return `${expiry}|${right}|${Math.round(strike * 1_000_000)}`;
}

/** Every option mid the tiles hold: one per single-call / single-put tile with an expiry instant. */
export function singleOptionMids(tiles: Iterable<PricedTile>): OptionMids {
  const mids = new Map<string, number>();
  for (const tile of tiles) {
    const right = tile.strategy === 'single-call' ? 'call' : tile.strategy === 'single-put' ? 'put' : undefined;
    if (right !== undefined && Number.isFinite(tile.expiry)) mids.set(optionKey(expiryDateOf(tile.expiry), right, tile.strike), tile.debit);
  }
  return mids;
}

/** The option's mid, points per unit; undefined when the heatmap holds none for it. */
export function legMid(mids: OptionMids, leg: OptionRef): number | undefined {
  return mids.get(optionKey(leg.expiry, leg.right, leg.strike));
}
