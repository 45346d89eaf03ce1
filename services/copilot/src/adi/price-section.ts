import type { AdiPrice, Candle } from '@marketswarm/shared/dto';
import { extent, PRICE_PLACES, roundOrNull } from './adi-numbers.js';

export interface PriceInputs {
  spot: { ts: number; price: number; prevClose?: number | undefined } | null;
  /** Today's bars, oldest first. */
  candles: readonly Candle[];
  /** The spot prints of the last `trailMinutes`, oldest first. */
  trail: readonly { ts: number; price: number }[];
  trailMinutes: number;
}

/**
 * Where the price is and how it got there: spot against the previous close, the day's open and
 * extremes (from today's bars and the latest prints, which may be newer than the last bar), and the
 * recent trail. Every figure the data cannot give is null.
 */
export function priceSection({ spot, candles, trail, trailMinutes }: PriceInputs): AdiPrice {
  const price = spot?.price ?? null;
  const prevClose = spot?.prevClose ?? null;
  const trailPrices = trail.map((p) => p.price);
  const live = price === null ? trailPrices : [...trailPrices, price];
  const day = extent([...candles.flatMap((c) => [c.h, c.l]), ...live]);
  const recent = extent(trailPrices);
  const first = trailPrices[0] ?? null;
  const last = trailPrices.at(-1) ?? null;
  return {
    spot: roundOrNull(price, PRICE_PLACES),
    asOf: spot?.ts ?? null,
    prevClose: roundOrNull(prevClose, PRICE_PLACES),
    change: price !== null && prevClose !== null ? roundOrNull(price - prevClose, PRICE_PLACES) : null,
    changePct: price !== null && prevClose !== null && prevClose !== 0 ? roundOrNull(((price - prevClose) / prevClose) * 100, 2) : null,
    dayOpen: roundOrNull(candles[0]?.o, PRICE_PLACES),
    dayHigh: roundOrNull(day?.high, PRICE_PLACES),
    dayLow: roundOrNull(day?.low, PRICE_PLACES),
    trail: {
      minutes: trailMinutes,
      prints: trail.length,
      first: roundOrNull(first, PRICE_PLACES),
      high: roundOrNull(recent?.high, PRICE_PLACES),
      low: roundOrNull(recent?.low, PRICE_PLACES),
      range: recent ? roundOrNull(recent.high - recent.low, PRICE_PLACES) : null,
      change: first !== null && last !== null ? roundOrNull(last - first, PRICE_PLACES) : null,
    },
  };
}
