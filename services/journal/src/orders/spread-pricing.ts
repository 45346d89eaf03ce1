import type { OptionLeg } from '@marketswarm/shared/dto';
import { legMid, savedLegsFromTile, singleOptionMids, tileLegs, type HeatmapTile, type HeatmapTiles, type OptionMids } from '@marketswarm/shared/models';
import { parseMicros, type Micros } from '../database/money.js';

/**
 * How an order's spread is priced from the live market: leg by leg from the heatmap's option mids
 * (`singleOptionMids`: its single tiles), Σ ratio × mid. Deep out-of-the-money options whose mid
 * rounds to 0 have no single tile; a spread with such a leg is priced from its own tile's mid debit
 * instead when the order came from that tile (the tile's legs, bought or sold whole). Otherwise it has no price and
 * the order keeps working. All money here is integer micros per spread, per unit (× multiplier for
 * dollars), signed: positive a debit paid, negative a credit received.
 */

export interface SpreadPrice {
  /** Σ ratio × leg price, per spread. */
  priceMicros: Micros;
  pricedFrom: 'legs' | 'tile';
  /** What each order leg fills at, per unit, in order leg order; Σ ratio × price = priceMicros. */
  legPricesMicros: Micros[];
}

/** Σ ratio × mid when every leg has a mid in the heatmap. */
export function priceFromLegs(legs: readonly OptionLeg[], mids: OptionMids): SpreadPrice | undefined {
  const prices: Micros[] = [];
  for (const leg of legs) {
    const mid = legMid(mids, leg);
    if (mid === undefined) return undefined;
    prices.push(parseMicros(String(mid)));
  }
  return { priceMicros: legs.reduce((sum, leg, i) => sum + leg.ratio * (prices[i] as number), 0), pricedFrom: 'legs', legPricesMicros: prices };
}

/**
 * The tile's signed mid debit when the order's legs are the tile's legs bought whole (+debit) or sold
 * whole (−debit); negative for a tile priced for a credit (an iron fly, a credit broken-wing fly).
 * The tile keeps only its net premium, so each leg fills where `tileLegs` enters it for the risk
 * graph: the whole premium on one carrier leg (a debit on the first long leg, a credit on the first
 * short leg, divided by its ratio) and 0 on the others. Every leg price is then ≥ 0 and the spread's
 * total is exactly the signed debit; for a debit fly, vertical or single the carrier is the first leg.
 */
export function priceFromTile(legs: readonly OptionLeg[], tile: HeatmapTile): SpreadPrice | undefined {
  const wanted = savedLegsFromTile(tile);
  if (!wanted || wanted.length !== legs.length) return undefined;
  const debit = parseMicros(String(tile.debit));
  // In micros, not from the entry price's float, so Σ ratio × price is exact; both lists are in tileStructure order.
  const tilePrices = tileLegs(tile, 1).map((l) => (l.entryPrice === 0 ? 0 : debit / l.quantity + 0));
  if (!tilePrices.every(Number.isSafeInteger)) return undefined;
  let sign: 1 | -1 | undefined;
  const prices: Micros[] = [];
  for (const leg of legs) {
    const at = wanted.findIndex((w) => w.right === leg.right && w.expiry === leg.expiry && parseMicros(String(w.strike)) === parseMicros(String(leg.strike)));
    const match = wanted[at];
    if (!match) return undefined;
    const legSign = leg.ratio === match.ratio ? 1 : leg.ratio === -match.ratio ? -1 : undefined;
    if (legSign === undefined || (sign !== undefined && legSign !== sign)) return undefined;
    sign = legSign;
    prices.push(tilePrices[at] as Micros);
  }
  if (sign === undefined) return undefined;
  return { priceMicros: sign * debit + 0, pricedFrom: 'tile', legPricesMicros: prices };
}

/** Per-leg mids first; the source tile's mid only when a leg has none. */
export function priceSpread(legs: readonly OptionLeg[], tiles: HeatmapTiles, sourceTileKey?: string, mids: OptionMids = singleOptionMids(Object.values(tiles))): SpreadPrice | undefined {
  const fromLegs = priceFromLegs(legs, mids);
  if (fromLegs) return fromLegs;
  const tile = sourceTileKey === undefined ? undefined : tiles[sourceTileKey];
  return tile ? priceFromTile(legs, tile) : undefined;
}

export type FillDecision = { fill: true; priceMicros: Micros } | { fill: false };

/**
 * A limit order fills at the market's mid when the mid is at or better than its limit. Prices are
 * signed (debit positive), so one comparison serves both: a debit order fills when the mid debit
 * ≤ the limit; a credit order (limit −1.50) when the mid is ≤ −1.50, i.e. the credit received is
 * ≥ 1.50. The fill is at the mid, so never worse than the limit.
 */
export function fillDecision(priceMicros: Micros, limitMicros: Micros): FillDecision {
  return priceMicros <= limitMicros ? { fill: true, priceMicros } : { fill: false };
}
