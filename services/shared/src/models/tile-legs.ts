import { type HeatmapTile } from './heatmap.js';
import { type PositionLeg } from './risk-graph.js';

/**
 * The option legs of a heatmap tile bought `quantity` times, as the risk graph reads them (see
 * `TileStrategy`): butterfly long K−w, short 2×K, long K+w; vertical-call long K, short K+w;
 * vertical-put long K, short K−w; single long K. Every leg expires at `tile.expiry`.
 *
 * The quantity-weighted entry prices sum to `quantity × tile.debit`, so `payoffAtExpiry`,
 * `positionValue` and `riskGraph` give P&L net of the debit paid.
 */
export function tileLegs(tile: HeatmapTile, quantity = 1): PositionLeg[] {
  if (!Number.isInteger(quantity) || quantity <= 0) throw new RangeError(`tileLegs needs a positive whole quantity (got ${quantity})`);
  const { strike: K, width: w, expiry } = tile;
  // The tile keeps only the net debit, not each leg's price. P&L depends on the entry prices only
  // through their quantity-weighted sum, so the whole debit goes on the first long leg and the
  // others enter at 0: that sum is exact and every entryPrice stays ≥ 0 (a share of the debit
  // moved onto a short leg would need a negative price).
  const leg = (type: PositionLeg['type'], strike: number, lots: number, entryPrice = 0): PositionLeg => ({ type, strike, expiry, quantity: lots * quantity, entryPrice });
  switch (tile.strategy) {
    case 'butterfly-call':
    case 'butterfly-put': {
      const type = tile.strategy === 'butterfly-call' ? 'call' : 'put';
      return [leg(type, K - w, 1, tile.debit), leg(type, K, -2), leg(type, K + w, 1)];
    }
    case 'vertical-call':
      return [leg('call', K, 1, tile.debit), leg('call', K + w, -1)];
    case 'vertical-put':
      return [leg('put', K, 1, tile.debit), leg('put', K - w, -1)];
    case 'single-call':
      return [leg('call', K, 1, tile.debit)];
    case 'single-put':
      return [leg('put', K, 1, tile.debit)];
  }
}
