import type { OptionLeg } from '@marketswarm/shared/dto';
import { legMid, savedLegsFromTile, singleOptionMids, type HeatmapTile, type HeatmapTiles, type OptionMids } from '@marketswarm/shared/models';
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

const CENT: Micros = 10_000;

/** Σ ratio × mid when every leg has a mid in the heatmap. */
export function priceFromLegs(legs: readonly OptionLeg[], mids: OptionMids): SpreadPrice | undefined {
  const prices: Micros[] = [];
  for (const leg of legs) {
    const mid = legMid(mids, leg);
    if (mid === undefined) return undefined;
    prices.push(parseMicros(String(mid)));
  }
  return { priceMicros: weightedSum(legs, prices), pricedFrom: 'legs', legPricesMicros: prices };
}

/**
 * The tile's signed mid debit when the order's legs are the tile's legs bought whole (+debit) or sold
 * whole (−debit); negative for a tile priced for a credit (an iron fly, a credit broken-wing fly).
 * The tile keeps only its net premium; each leg fills where `splitSpreadPrice` puts it: at its own
 * mid in the same heatmap, nudged so the legs add up to the debit exactly.
 */
export function priceFromTile(legs: readonly OptionLeg[], tile: HeatmapTile, mids: OptionMids = new Map()): SpreadPrice | undefined {
  const wanted = savedLegsFromTile(tile);
  if (!wanted || wanted.length !== legs.length) return undefined;
  let sign: 1 | -1 | undefined;
  for (const leg of legs) {
    const match = wanted.find((w) => w.right === leg.right && w.expiry === leg.expiry && parseMicros(String(w.strike)) === parseMicros(String(leg.strike)));
    if (!match) return undefined;
    const legSign = leg.ratio === match.ratio ? 1 : leg.ratio === -match.ratio ? -1 : undefined;
    if (legSign === undefined || (sign !== undefined && legSign !== sign)) return undefined;
    sign = legSign;
  }
  if (sign === undefined) return undefined;
  const priceMicros = sign * parseMicros(String(tile.debit)) + 0;
  const prices = splitSpreadPrice(legs, priceMicros, mids);
  // Only a carrier whose ratio does not divide the price misses it (no tile's does on cents).
  if (weightedSum(legs, prices) !== priceMicros) return undefined;
  return { priceMicros, pricedFrom: 'tile', legPricesMicros: prices };
}

/** Per-leg mids first; the source tile's mid only when a leg has none. */
export function priceSpread(legs: readonly OptionLeg[], tiles: HeatmapTiles, sourceTileKey?: string, mids: OptionMids = singleOptionMids(Object.values(tiles))): SpreadPrice | undefined {
  const fromLegs = priceFromLegs(legs, mids);
  if (fromLegs) return fromLegs;
  const tile = sourceTileKey === undefined ? undefined : tiles[sourceTileKey];
  return tile ? priceFromTile(legs, tile, mids) : undefined;
}

/**
 * What each leg of a spread filled at `spreadMicros` is priced at, in order leg order, each ≥ 0, with
 * Σ ratio × price = spreadMicros. The one split for a live tile fill and for a fill re-entered after
 * a restart, so the same legs, price and heatmap always give the same leg prices, whatever order the
 * legs are listed in. A leg priced from its own mid keeps its mid (the difference is 0).
 *
 * Each leg starts at its mid in `mids`. An option the heatmap holds no mid for starts at 0: the
 * producer leaves out exactly the singles whose mid rounds to 0 on the root's tick. The difference
 * to the spread price is spread over the legs in proportion to their mids, each moved in the
 * direction that closes it (a long leg up and a short leg down for more debit), rounded to cents,
 * and the last cents go on the leg with the largest mid that takes them whole. When the mids cannot
 * carry the price (none held, not on cents, or a leg pushed below 0), the whole price goes on one
 * carrier leg, as `tileLegs` enters a tile for the risk graph: the first long leg for a debit, the
 * first short leg for a credit, from the lowest strike up and puts before calls.
 */
export function splitSpreadPrice(legs: readonly OptionLeg[], spreadMicros: Micros, mids: OptionMids): Micros[] {
  return splitAtMids(legs, spreadMicros, mids) ?? carrierSplit(legs, spreadMicros);
}

function splitAtMids(legs: readonly OptionLeg[], spreadMicros: Micros, mids: OptionMids): Micros[] | undefined {
  if (spreadMicros % CENT !== 0) return undefined;
  const start = legs.map((leg) => {
    const mid = legMid(mids, leg);
    return mid === undefined ? 0 : parseMicros(String(mid)) / CENT;
  });
  if (!start.every(Number.isSafeInteger)) return undefined;
  const gross = legs.reduce((sum, leg, i) => sum + Math.abs(leg.ratio) * (start[i] as number), 0);
  if (gross === 0) return undefined;
  const target = spreadMicros / CENT;
  const gap = target - weightedSum(legs, start);
  const cents = legs.map((leg, i) => (start[i] as number) + Math.round((Math.sign(leg.ratio) * (start[i] as number) * gap) / gross) + 0);
  const left = target - weightedSum(legs, cents);
  if (left !== 0) {
    const takers = canonicalOrder(legs).filter((i) => left % (legs[i] as OptionLeg).ratio === 0 && (start[i] as number) > 0);
    const taker = takers.reduce<number | undefined>((best, i) => (best === undefined || (start[i] as number) > (start[best] as number) ? i : best), undefined);
    if (taker === undefined) return undefined;
    cents[taker] = (cents[taker] as number) + left / (legs[taker] as OptionLeg).ratio;
  }
  if (cents.some((c) => c < 0)) return undefined;
  return cents.map((c) => c * CENT);
}

function carrierSplit(legs: readonly OptionLeg[], spreadMicros: Micros): Micros[] {
  const order = canonicalOrder(legs);
  const carries = (i: number) => (spreadMicros >= 0 ? (legs[i] as OptionLeg).ratio > 0 : (legs[i] as OptionLeg).ratio < 0);
  const candidates = order.filter(carries);
  const carrier = candidates.find((i) => spreadMicros % (legs[i] as OptionLeg).ratio === 0) ?? candidates[0] ?? order[0];
  return legs.map((leg, i) => (i === carrier ? Math.round(spreadMicros / leg.ratio) + 0 : 0));
}

/** Leg indices from the lowest strike up, puts before calls at a strike: the order `tileStructure` lists a fly, BWB or iron fly in. */
function canonicalOrder(legs: readonly OptionLeg[]): number[] {
  return legs
    .map((_, i) => i)
    .sort((a, b) => {
      const x = legs[a] as OptionLeg;
      const y = legs[b] as OptionLeg;
      return x.strike - y.strike || (x.right === y.right ? 0 : x.right === 'put' ? -1 : 1) || x.expiry.localeCompare(y.expiry) || a - b;
    });
}

function weightedSum(legs: readonly OptionLeg[], prices: readonly number[]): number {
  return legs.reduce((sum, leg, i) => sum + leg.ratio * (prices[i] as number), 0);
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
