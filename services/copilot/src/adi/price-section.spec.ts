import { describe, expect, it } from 'vitest';
import type { Candle } from '@marketswarm/shared/dto';
import { priceSection } from './price-section.js';

const candle = (o: number, h: number, l: number, c: number): Candle => ({ t: 0, o, h, l, c, v: 100 });
const candles = [candle(5999, 6005, 5990, 6003), candle(6003, 6015.5, 6001, 6010)];
const trail = [6001.1, 6013, 6000, 6012.35].map((price, i) => ({ ts: i, price }));

describe(priceSection.name, () => {
  it('sets spot against the previous close and the day, and sums up the trail', () => {
    // Change 6012.35 − 5998.15 = 14.20 (float: 14.2000000000007); 14.20 / 5998.15 × 100 = 0.2367 → 0.24 %.
    // Day: open 5999 (first bar), high max(6005, 6015.5, prints) = 6015.5, low min(5990, 6001, prints) = 5990.
    // Trail: first 6001.10, high 6013, low 6000, range 13, change 6012.35 − 6001.10 = 11.25.
    expect(priceSection({ spot: { ts: 7, price: 6012.35, prevClose: 5998.15 }, candles, trail, trailMinutes: 30 })).toEqual({
      spot: 6012.35,
      asOf: 7,
      prevClose: 5998.15,
      change: 14.2,
      changePct: 0.24,
      dayOpen: 5999,
      dayHigh: 6015.5,
      dayLow: 5990,
      trail: { minutes: 30, prints: 4, first: 6001.1, high: 6013, low: 6000, range: 13, change: 11.25 },
    });
  });

  it('lets a print newer than the last bar extend the day\'s high', () => {
    expect(priceSection({ spot: { ts: 9, price: 6020 }, candles, trail, trailMinutes: 30 }).dayHigh).toBe(6020);
  });

  it('leaves what the data cannot give unknown', () => {
    expect(priceSection({ spot: { ts: 9, price: 6020 }, candles: [], trail: [], trailMinutes: 30 })).toEqual({
      spot: 6020,
      asOf: 9,
      prevClose: null,
      change: null,
      changePct: null,
      dayOpen: null,
      dayHigh: 6020,
      dayLow: 6020,
      trail: { minutes: 30, prints: 0, first: null, high: null, low: null, range: null, change: null },
    });
  });
});
