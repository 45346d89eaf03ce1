import type { OptionLeg } from '@marketswarm/shared/dto';
import { exchangeTime } from '@marketswarm/shared/journal';
import { tileLegs, type HeatmapTile, type HeatmapTiles } from '@marketswarm/shared/models';
import { parseMicros, type Micros } from '../database/money.js';

/**
 * How an order's spread is priced from the live market. The market producer publishes no option
 * chain, only the heatmap model per symbol; its `single-call` and `single-put` tiles are exactly
 * one option each at its mid (cents), so together they are the chain's mids: a spread is priced
 * leg by leg from them (Σ ratio × mid). Deep out-of-the-money options whose mid rounds to 0 have no
 * single tile; a spread with such a leg is priced from its own tile's mid debit instead when the
 * order came from that tile (the tile's legs, bought or sold whole). Otherwise it has no price and
 * the order keeps working. All money here is integer micros per spread, per unit (× multiplier for
 * dollars), signed: positive a debit paid, negative a credit received.
 */

const NEW_YORK = 'America/New_York';

/** Per-leg mids of one symbol, keyed by expiry date (New York), right and strike. */
export type LegBook = ReadonlyMap<string, Micros>;

export interface SpreadPrice {
  /** Σ ratio × leg price, per spread. */
  priceMicros: Micros;
  pricedFrom: 'legs' | 'tile';
  /** What each order leg fills at, per unit, in order leg order; Σ ratio × price = priceMicros. */
  legPricesMicros: Micros[];
}

function bookKey(expiry: string, right: 'call' | 'put', strike: number): string {
  return `${expiry}|${right}|${parseMicros(String(strike))}`;
}

/** The expiry date of a tile's options, as an order leg names it (the New York calendar date). */
export function tileExpiryDate(tile: Pick<HeatmapTile, 'expiry'>): string {
  return exchangeTime(tile.expiry, NEW_YORK).date;
}

/** Every option mid the heatmap tiles hold: one per single-call / single-put tile. */
export function legBookOf(tiles: HeatmapTiles): LegBook {
  const book = new Map<string, Micros>();
  for (const tile of Object.values(tiles)) {
    if (tile.strategy !== 'single-call' && tile.strategy !== 'single-put') continue;
    book.set(bookKey(tileExpiryDate(tile), tile.strategy === 'single-call' ? 'call' : 'put', tile.strike), parseMicros(String(tile.debit)));
  }
  return book;
}

/** Σ ratio × mid when every leg has a mid in the book. */
export function priceFromLegs(legs: readonly OptionLeg[], book: LegBook): SpreadPrice | undefined {
  const prices: Micros[] = [];
  for (const leg of legs) {
    const mid = book.get(bookKey(leg.expiry, leg.right, leg.strike));
    if (mid === undefined) return undefined;
    prices.push(mid);
  }
  return { priceMicros: legs.reduce((sum, leg, i) => sum + leg.ratio * (prices[i] as number), 0), pricedFrom: 'legs', legPricesMicros: prices };
}

/**
 * The tile's mid debit when the order's legs are the tile's legs bought whole (+debit) or sold whole
 * (−debit). The tile keeps only its net debit, so the whole of it is put on the tile's first leg
 * (always a long 1-lot: a butterfly's lower wing, a vertical's long leg, the single) and the other
 * legs fill at 0, as `tileLegs` does for the risk graph: the spread's total is exact.
 */
export function priceFromTile(legs: readonly OptionLeg[], tile: HeatmapTile): SpreadPrice | undefined {
  const expiry = tileExpiryDate(tile);
  const wanted = tileLegs(tile, 1);
  if (wanted.length !== legs.length) return undefined;
  let sign: 1 | -1 | undefined;
  const prices: Micros[] = [];
  const debit = parseMicros(String(tile.debit));
  for (const leg of legs) {
    const at = wanted.findIndex((w) => w.type === leg.right && parseMicros(String(w.strike)) === parseMicros(String(leg.strike)) && expiry === leg.expiry);
    const match = wanted[at];
    if (!match) return undefined;
    const legSign = leg.ratio === match.quantity ? 1 : leg.ratio === -match.quantity ? -1 : undefined;
    if (legSign === undefined || (sign !== undefined && legSign !== sign)) return undefined;
    sign = legSign;
    prices.push(at === 0 ? debit : 0);
  }
  if (sign === undefined) return undefined;
  return { priceMicros: sign * debit, pricedFrom: 'tile', legPricesMicros: prices };
}

/** Per-leg mids first; the source tile's mid only when a leg has none. */
export function priceSpread(legs: readonly OptionLeg[], tiles: HeatmapTiles, sourceTileKey?: string, book: LegBook = legBookOf(tiles)): SpreadPrice | undefined {
  const fromLegs = priceFromLegs(legs, book);
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
