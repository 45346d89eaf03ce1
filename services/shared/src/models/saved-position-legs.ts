import type { CreateSavedPositionBody, SavedPositionLeg } from '../dto/journal-saved-position.schema.js';
import { type HeatmapTile } from './heatmap.js';
import { type PositionLeg } from './risk-graph.js';
import { expiryCloseOf, expiryDateOf } from './session-close.js';
import { tileLegs } from './tile-legs.js';

/**
 * The legs of one spread of a heatmap tile, as a saved position keeps them (see `tileLegs` for each
 * strategy's legs): the tile's expiry instant becomes its New York date. undefined when the tile has
 * no usable expiry (an old producer's tile).
 */
export function savedLegsFromTile(tile: HeatmapTile): SavedPositionLeg[] | undefined {
  if (!Number.isFinite(tile.expiry)) return undefined;
  const expiry = expiryDateOf(tile.expiry);
  return tileLegs(tile, 1).map((leg) => ({ expiry, strike: leg.strike, right: leg.type, ratio: leg.quantity }));
}

/**
 * What the UI sends to save a tile as a what-if: its legs, bought `quantity` times at the tile's
 * debit, named after the underlying, strikes, strategy and expiry, its key kept as the source.
 */
export function savedPositionFromTile(symbol: string, tile: HeatmapTile, quantity = 1): CreateSavedPositionBody | undefined {
  const legs = savedLegsFromTile(tile);
  if (!legs) return undefined;
  const strikes = legs.map((l) => l.strike).sort((a, b) => a - b);
  const expiry = legs[0]?.expiry ?? '';
  return { name: `${symbol} ${strikes.join('/')} ${tile.strategy} ${expiry}`, symbol, legs, quantity, entryPrice: tile.debit, source: { kind: 'tile', key: tile.key } };
}

/**
 * A saved position's legs as the risk graph prices them (`payoffAtExpiry`, `positionValue`,
 * `riskGraph`): each leg `ratio × quantity` contracts, expiring at its date's New York close.
 *
 * A position keeps only the price of the whole spread; P&L depends on the leg prices only through
 * their quantity-weighted sum, so, as `tileLegs` does, the whole price goes on one leg and the others
 * enter at 0: a debit on the first long leg, a credit on the first short leg (both then positive).
 * Legs whose date is not a calendar date are left out.
 */
export function savedPositionRiskLegs(position: { legs: readonly SavedPositionLeg[]; quantity: number; entryPrice: number }): PositionLeg[] {
  const { legs, quantity, entryPrice } = position;
  const carrier = Math.max(
    0,
    legs.findIndex((l) => (entryPrice >= 0 ? l.ratio > 0 : l.ratio < 0)),
  );
  return legs.flatMap((leg, i) => {
    const expiry = expiryCloseOf(leg.expiry);
    if (expiry === undefined) return [];
    return [{ type: leg.right, strike: leg.strike, expiry, quantity: leg.ratio * quantity, entryPrice: i === carrier ? entryPrice / leg.ratio : 0 }];
  });
}
