import { describe, expect, it } from 'vitest';
import type { OptionLeg } from '@marketswarm/shared/dto';
import { makeTile, type HeatmapTile, type HeatmapTiles } from '@marketswarm/shared/models';
import { orderFillRowHash, recoveredLegPrices } from './order-filler.js';
import { priceSpread } from './spread-pricing.js';

describe(recoveredLegPrices.name, () => {
  // Monday 2 March 2026, the 16:00 New York close, as the producer stamps expiries.
  const expiry = Date.UTC(2026, 2, 2, 21);
  const at = (right: 'call' | 'put', strike: number, ratio: number): OptionLeg => ({ expiry: '2026-03-02', strike, right, ratio });
  const single = (right: 'call' | 'put', strike: number, mid: number) => makeTile(right === 'call' ? 'single-call' : 'single-put', 0, 0, strike, mid, expiry) as HeatmapTile;
  const heatmap = (...list: HeatmapTile[]): HeatmapTiles => Object.fromEntries(list.map((t) => [t.key, t]));

  // An iron fly at 5000, 50 wide, sold for 16.30 from its tile: its P4950 wing has no mid (under half a tick).
  const ironFly = makeTile('iron-fly', 0, 50, 5000, -16.3, expiry) as HeatmapTile;
  const ironFlyCallsFirst = [at('call', 5050, 1), at('call', 5000, -1), at('put', 5000, -1), at('put', 4950, 1)];
  const market = heatmap(single('put', 5000, 8.1), single('call', 5000, 8.3), single('call', 5050, 0.05), ironFly);

  it('re-enters a tile fill at the live fill\'s leg prices when the heatmap is the one it filled against', () => {
    const live = priceSpread(ironFlyCallsFirst, market, ironFly.key);
    expect(live?.legPricesMicros).toEqual([50_000, 8_270_000, 8_080_000, 0]);
    expect(recoveredLegPrices(ironFlyCallsFirst, -16_300_000, market)).toEqual(live?.legPricesMicros);
  });

  it('re-enters a fill priced leg by leg at its mids: 12.40 and 8.10 for the 4.30 vertical', () => {
    const vertical = [at('call', 5000, 1), at('call', 5010, -1)];
    const chain = heatmap(single('call', 5000, 12.4), single('call', 5010, 8.1));
    expect(priceSpread(vertical, chain)?.legPricesMicros).toEqual([12_400_000, 8_100_000]);
    expect(recoveredLegPrices(vertical, 4_300_000, chain)).toEqual([12_400_000, 8_100_000]);
  });

  it('without a heatmap, puts an iron fly\'s credit on the short put as the live fill without mids does, whatever the leg order', () => {
    const live = priceSpread(ironFlyCallsFirst, heatmap(ironFly), ironFly.key);
    expect(live?.legPricesMicros).toEqual([0, 0, 16_300_000, 0]);
    expect(recoveredLegPrices(ironFlyCallsFirst, -16_300_000, undefined)).toEqual(live?.legPricesMicros);
  });

  it('keeps Σ ratio × price equal to the spread price, every price ≥ 0', () => {
    const legs = [at('call', 5000, -1), at('call', 5010, 2)];
    const prices = recoveredLegPrices(legs, 3_100_000, undefined);
    expect(legs.reduce((sum, l, i) => sum + l.ratio * (prices[i] ?? Number.NaN), 0)).toBe(3_100_000);
    expect(prices.every((p) => p >= 0)).toBe(true);
  });
});

describe(orderFillRowHash.name, () => {
  it('is the same for an order\'s leg on every entry and differs between legs and orders', () => {
    expect(orderFillRowHash('o1', 0)).toBe(orderFillRowHash('o1', 0));
    expect(orderFillRowHash('o1', 0)).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([orderFillRowHash('o1', 0), orderFillRowHash('o1', 1), orderFillRowHash('o2', 0)]).size).toBe(3);
  });
});
