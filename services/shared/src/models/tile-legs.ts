import { type HeatmapTile } from './heatmap.js';
import { type PositionLeg } from './risk-graph.js';
import { tileStructure } from './tile-structure.js';

/**
 * The option legs of a heatmap tile traded `quantity` times, as the risk graph reads them (see
 * `TileStrategy` and `tileStructure`), in `tileStructure` order. Every leg expires at `tile.expiry`.
 *
 * The quantity-weighted entry prices sum to `quantity × tile.debit` (negative for a credit), so
 * `payoffAtExpiry`, `positionValue` and `riskGraph` give P&L net of the premium.
 */
export function tileLegs(tile: HeatmapTile, quantity = 1): PositionLeg[] {
  if (!Number.isInteger(quantity) || quantity <= 0) throw new RangeError(`tileLegs needs a positive whole quantity (got ${quantity})`);
  const structure = tileStructure(tile.strategy, tile.strike, tile.width, tile.wing);
  // The tile keeps only the net premium, not each leg's price. P&L depends on the entry prices only
  // through their quantity-weighted sum, so the whole premium goes on one leg and the others enter
  // at 0: a debit on the first long leg, a credit on the first short leg (divided by its ratio).
  // That sum is exact and every entryPrice stays ≥ 0, as PositionLeg requires.
  const carrier = structure.findIndex((l) => (tile.debit >= 0 ? l.ratio > 0 : l.ratio < 0));
  return structure.map((l, i) => ({
    type: l.type,
    strike: l.strike,
    expiry: tile.expiry,
    quantity: l.ratio * quantity,
    entryPrice: i === carrier ? tile.debit / l.ratio + 0 : 0,
  }));
}
