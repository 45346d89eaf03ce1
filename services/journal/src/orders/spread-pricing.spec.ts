import { describe, expect, it } from 'vitest';
import type { OptionLeg } from '@marketswarm/shared/dto';
import { makeTile, savedLegsFromTile, singleOptionMids, type HeatmapTile, type HeatmapTiles } from '@marketswarm/shared/models';
import { fillDecision, priceFromTile, priceSpread, splitSpreadPrice } from './spread-pricing.js';

// Monday 2 March 2026, the 16:00 New York close (21:00 UTC in winter), as the producer stamps expiries.
const EXPIRY = Date.UTC(2026, 2, 2, 21);
const DATE = '2026-03-02';

function tiles(...list: (HeatmapTile | undefined)[]): HeatmapTiles {
  const out: HeatmapTiles = {};
  for (const tile of list) if (tile) out[tile.key] = tile;
  return out;
}

// The chain's mids, as the heatmap's single tiles carry them: C5000 12.40, C5010 8.10, C5020 5.00, P4990 9.55.
const c5000 = makeTile('single-call', 0, 0, 5000, 12.4, EXPIRY);
const c5010 = makeTile('single-call', 0, 0, 5010, 8.1, EXPIRY);
const c5020 = makeTile('single-call', 0, 0, 5020, 5.0, EXPIRY);
const p4990 = makeTile('single-put', 0, 0, 4990, 9.55, EXPIRY);
const market = tiles(c5000, c5010, c5020, p4990);

const leg = (right: 'call' | 'put', strike: number, ratio: number): OptionLeg => ({ expiry: DATE, strike, right, ratio });
const callVertical = [leg('call', 5000, 1), leg('call', 5010, -1)];
const butterfly = [leg('call', 5000, 1), leg('call', 5010, -2), leg('call', 5020, 1)];

describe('priceSpread', () => {
  it('prices a call debit vertical at the long mid minus the short mid: 12.40 − 8.10 = 4.30', () => {
    expect(priceSpread(callVertical, market)).toEqual({ priceMicros: 4_300_000, pricedFrom: 'legs', legPricesMicros: [12_400_000, 8_100_000] });
  });

  it('prices a 5000/5010/5020 call butterfly leg by leg: 12.40 − 2 × 8.10 + 5.00 = 1.20', () => {
    expect(priceSpread(butterfly, market)?.priceMicros).toBe(1_200_000);
  });

  it('prices the vertical sold as a credit: −12.40 + 8.10 = −4.30', () => {
    expect(priceSpread([leg('call', 5000, -1), leg('call', 5010, 1)], market)?.priceMicros).toBe(-4_300_000);
  });

  it('scales with the ratios: a 1×2 put/call mix is 9.55 + 2 × 12.40 = 34.35', () => {
    expect(priceSpread([leg('put', 4990, 1), leg('call', 5000, 2)], market)?.priceMicros).toBe(34_350_000);
  });

  it('has no price when a leg has no mid and the order did not come from a tile', () => {
    expect(priceSpread([leg('call', 5000, 1), leg('call', 5030, -1)], market)).toBeUndefined();
  });

  it('has no price for a leg of another expiry', () => {
    expect(priceSpread([{ expiry: '2026-03-03', strike: 5000, right: 'call', ratio: 1 }], market)).toBeUndefined();
  });
});

describe('priceFromTile', () => {
  // A 0DTE call fly far above spot, 5060/5070/5080 at a 0.20 mid debit. Its 5080 wing is worth under
  // half a tick, so the heatmap has no single tile for it; the others are C5060 0.35, C5070 0.10.
  const farFly = makeTile('butterfly-call', 0, 10, 5070, 0.2, EXPIRY) as HeatmapTile;
  const farFlyLegs = [leg('call', 5060, 1), leg('call', 5070, -2), leg('call', 5080, 1)];
  const farMarket = tiles(makeTile('single-call', 0, 0, 5060, 0.35, EXPIRY), makeTile('single-call', 0, 0, 5070, 0.1, EXPIRY), farFly);

  it('prices a fly whose wing has no mid at its tile\'s 0.20, each leg near its own mid: 0.38, 0.09, 0.00', () => {
    // Mids: 0.35 − 2 × 0.10 + 0 = 0.15, 0.05 short of the tile. Moved in proportion to the mids
    // (0.35 and 2 × 0.10 of 0.55): C5060 up 0.05 × 35/55 = 0.03, C5070 down 0.05 × 10/55 ≈ 0.01.
    // 0.38 − 2 × 0.09 + 0 = 0.20.
    expect(priceSpread(farFlyLegs, farMarket, farFly.key)).toEqual({ priceMicros: 200_000, pricedFrom: 'tile', legPricesMicros: [380_000, 90_000, 0] });
  });

  // A 0DTE iron fly at 5000, 50 wide, sold for 16.30: P4950 (no mid: under half a tick), P5000 8.10, C5000 8.30, C5050 0.05.
  const ironFly = makeTile('iron-fly', 0, 50, 5000, -16.3, EXPIRY) as HeatmapTile;
  const ironFlyLegs = [leg('put', 4950, 1), leg('put', 5000, -1), leg('call', 5000, -1), leg('call', 5050, 1)];
  const ironMarket = tiles(makeTile('single-put', 0, 0, 5000, 8.1, EXPIRY), makeTile('single-call', 0, 0, 5000, 8.3, EXPIRY), makeTile('single-call', 0, 0, 5050, 0.05, EXPIRY), ironFly);

  it('prices an iron fly whose put wing has no mid at its −16.30 credit, each leg near its own mid', () => {
    // Mids: 0 − 8.10 − 8.30 + 0.05 = −16.35, 0.05 more credit than the tile. Each leg moves by its
    // share of 16.45 the way that gives credit back: P5000 −0.025 → 8.08, C5000 −0.025 → 8.27, C5050 +0.0002 → 0.05.
    // −8.08 − 8.27 + 0.05 = −16.30.
    expect(priceSpread(ironFlyLegs, ironMarket, ironFly.key)).toEqual({ priceMicros: -16_300_000, pricedFrom: 'tile', legPricesMicros: [0, 8_080_000, 8_270_000, 50_000] });
  });

  it('keeps each iron fly leg\'s price with its leg when the order lists the legs in another order', () => {
    const callsFirst = [leg('call', 5050, 1), leg('call', 5000, -1), leg('put', 5000, -1), leg('put', 4950, 1)];
    expect(priceSpread(callsFirst, ironMarket, ironFly.key)?.legPricesMicros).toEqual([50_000, 8_270_000, 8_080_000, 0]);
  });

  it('prices the iron fly bought back whole as a 16.30 debit, at the same leg prices', () => {
    const reversed = ironFlyLegs.map((l) => ({ ...l, ratio: -l.ratio }));
    expect(priceSpread(reversed, ironMarket, ironFly.key)).toEqual({ priceMicros: 16_300_000, pricedFrom: 'tile', legPricesMicros: [0, 8_080_000, 8_270_000, 50_000] });
  });

  it('prices the tile sold whole as a credit of its debit: −0.20', () => {
    expect(priceFromTile([leg('call', 5060, -1), leg('call', 5070, 2), leg('call', 5080, -1)], farFly)?.priceMicros).toBe(-200_000);
  });

  it('refuses legs that are not the tile\'s (a broken-wing ratio)', () => {
    expect(priceFromTile([leg('call', 5060, 1), leg('call', 5070, -3), leg('call', 5080, 1)], farFly)).toBeUndefined();
    expect(priceFromTile(callVertical, farFly)).toBeUndefined();
  });

  it('prefers the legs\' own mids over the tile when the chain has them all', () => {
    const fly = makeTile('butterfly-call', 0, 10, 5010, 1.35, EXPIRY) as HeatmapTile;
    expect(priceSpread(butterfly, tiles(c5000, c5010, c5020, fly), fly.key)?.pricedFrom).toBe('legs');
  });

  describe('without single mids for the legs (the carrier split)', () => {
    it('puts a fly\'s 0.20 debit on its lower wing', () => {
      expect(priceSpread(farFlyLegs, tiles(farFly), farFly.key)).toEqual({ priceMicros: 200_000, pricedFrom: 'tile', legPricesMicros: [200_000, 0, 0] });
    });

    it('puts an iron fly\'s 16.30 credit on its short put, wherever the order lists it', () => {
      expect(priceSpread(ironFlyLegs, tiles(ironFly), ironFly.key)?.legPricesMicros).toEqual([0, 16_300_000, 0, 0]);
      const callsFirst = [leg('call', 5050, 1), leg('call', 5000, -1), leg('put', 5000, -1), leg('put', 4950, 1)];
      expect(priceSpread(callsFirst, tiles(ironFly), ironFly.key)?.legPricesMicros).toEqual([0, 0, 16_300_000, 0]);
    });

    it('splits a broken-wing call fly\'s 0.30 credit across its short 2-lot: 0.15 each, −2 × 0.15 = −0.30', () => {
      // C5000 +1, C5010 −2, C5025 +1 (far wing 15).
      const bwb = makeTile('bwb-call', 0, 10, 5010, -0.3, EXPIRY, undefined, { wing: 15 }) as HeatmapTile;
      expect(priceFromTile([leg('call', 5000, 1), leg('call', 5010, -2), leg('call', 5025, 1)], bwb)).toEqual({ priceMicros: -300_000, pricedFrom: 'tile', legPricesMicros: [0, 150_000, 0] });
    });

    it('puts a broken-wing put fly\'s 0.45 debit on its first long leg, the far wing', () => {
      // P4995 +1 (far wing 15), P5010 −2, P5020 +1.
      const bwb = makeTile('bwb-put', 0, 10, 5010, 0.45, EXPIRY, undefined, { wing: 15 }) as HeatmapTile;
      expect(priceFromTile([leg('put', 4995, 1), leg('put', 5010, -2), leg('put', 5020, 1)], bwb)).toEqual({ priceMicros: 450_000, pricedFrom: 'tile', legPricesMicros: [450_000, 0, 0] });
    });

    it('falls back to it when the mids would push a leg below 0 (a tile far from its legs\' mids)', () => {
      // 1.00 against mids worth 0.15: C5070 would move down 0.85 × 10/55 ≈ 0.15, below 0.
      const stale = { ...farFly, debit: 1 };
      expect(priceFromTile(farFlyLegs, stale, singleOptionMids(Object.values(farMarket)))?.legPricesMicros).toEqual([1_000_000, 0, 0]);
    });

    it('has no tile price when a credit does not split into whole micros across a short 2-lot', () => {
      const bwb = makeTile('bwb-call', 0, 10, 5010, -0.3, EXPIRY, undefined, { wing: 15 }) as HeatmapTile;
      expect(priceFromTile([leg('call', 5000, 1), leg('call', 5010, -2), leg('call', 5025, 1)], { ...bwb, debit: -0.000001 })).toBeUndefined();
    });
  });

  it('gives every strategy, bought or sold whole, with or without mids, leg prices ≥ 0 that sum to ± the tile\'s signed debit', () => {
    const every = [
      farFly,
      ironFly,
      makeTile('butterfly-call', 0, 10, 5010, 1.35, EXPIRY),
      makeTile('butterfly-put', 0, 10, 5010, 1.1, EXPIRY),
      makeTile('vertical-call', 0, 10, 5010, 4.3, EXPIRY),
      makeTile('vertical-put', 0, 10, 5010, 3.2, EXPIRY),
      makeTile('single-put', 0, 0, 4990, 9.55, EXPIRY),
      makeTile('bwb-call', 0, 10, 5010, -0.3, EXPIRY, undefined, { wing: 15 }),
      makeTile('bwb-call', 0, 10, 5010, 0.65, EXPIRY, undefined, { wing: 15 }),
      makeTile('bwb-put', 0, 10, 5010, -0.15, EXPIRY, undefined, { wing: 15 }),
      makeTile('bwb-put', 0, 10, 5010, 0.45, EXPIRY, undefined, { wing: 15 }),
    ] as HeatmapTile[];
    // A chain of mids every 5 points, falling away from 5000 (puts below, calls above): some legs have one, far ones none.
    const chain = tiles(
      ...[4950, 4990, 4995, 5000, 5005, 5010, 5020, 5025].flatMap((k) => [
        makeTile('single-call', 0, 0, k, Math.max(0, 12.4 - 0.45 * (k - 5000)), EXPIRY),
        makeTile('single-put', 0, 0, k, Math.max(0, 12.1 + 0.45 * (k - 5000)), EXPIRY),
      ]),
    );
    const chainMids = singleOptionMids(Object.values(chain));
    const mids = [new Map(), chainMids, singleOptionMids(Object.values(ironMarket))];
    for (const tile of every) {
      const bought = (savedLegsFromTile(tile) ?? []).map((l) => leg(l.right, l.strike, l.ratio));
      for (const sign of [1, -1]) {
        for (const held of mids) {
          const orderLegs = bought.map((l) => ({ ...l, ratio: sign * l.ratio }));
          const price = priceFromTile(orderLegs, tile, held);
          expect(price?.priceMicros, tile.key).toBe(sign * Math.round(tile.debit * 1_000_000) + 0);
          expect(price?.legPricesMicros.every((p) => p >= 0), tile.key).toBe(true);
          // From the mids, on cents; a carrier's credit over a short 2-lot can be a half cent (0.15 / 2).
          if (held === chainMids) expect(price?.legPricesMicros.every((p) => p % 10_000 === 0), tile.key).toBe(true);
          expect(orderLegs.reduce((sum, l, i) => sum + l.ratio * (price?.legPricesMicros[i] ?? Number.NaN), 0), tile.key).toBe(price?.priceMicros);
        }
      }
    }
  });
});

describe('splitSpreadPrice', () => {
  it('gives a spread priced leg by leg its mids back: 12.40 and 8.10 for the 4.30 vertical', () => {
    expect(splitSpreadPrice(callVertical, 4_300_000, singleOptionMids(Object.values(market)))).toEqual([12_400_000, 8_100_000]);
  });

  it('sums exactly on cents over a grid of fly debits, no leg moved further than the debit is from the mids', () => {
    // C5000 12.40, C5010 8.10, C5020 5.00; the fly's mid debit 1.20, tried from 0.05 to 3.00.
    const mids = singleOptionMids(Object.values(market));
    for (let cents = 5; cents <= 300; cents += 5) {
      const prices = splitSpreadPrice(butterfly, cents * 10_000, mids);
      expect(butterfly.reduce((sum, l, i) => sum + l.ratio * (prices[i] as number), 0), String(cents)).toBe(cents * 10_000);
      expect(prices.every((p) => p >= 0 && p % 10_000 === 0), String(cents)).toBe(true);
      // Near the mids: no leg moves by more than the gap to 1.20.
      expect(Math.max(...prices.map((p, i) => Math.abs(p - [12_400_000, 8_100_000, 5_000_000][i]!))), String(cents)).toBeLessThanOrEqual(Math.abs(cents - 120) * 10_000);
    }
  });
});

describe('fillDecision', () => {
  it('fills a 4.50 debit limit at the 4.30 mid, not at the limit', () => {
    expect(fillDecision(4_300_000, 4_500_000)).toEqual({ fill: true, priceMicros: 4_300_000 });
  });

  it('fills a limit exactly at the mid', () => {
    expect(fillDecision(4_300_000, 4_300_000)).toEqual({ fill: true, priceMicros: 4_300_000 });
  });

  it('keeps a 4.25 debit limit working while the mid is 4.30', () => {
    expect(fillDecision(4_300_000, 4_250_000)).toEqual({ fill: false });
  });

  it('fills a credit limit of −4.00 when the mid credit is 4.30 (more received), at −4.30', () => {
    expect(fillDecision(-4_300_000, -4_000_000)).toEqual({ fill: true, priceMicros: -4_300_000 });
  });

  it('keeps a credit limit of −4.50 working while the mid credit is only 4.30', () => {
    expect(fillDecision(-4_300_000, -4_500_000)).toEqual({ fill: false });
  });

  it('fills, over a grid of mids and limits, exactly the pairs a trader would take, always at the mid', () => {
    // Mids −5.00…5.00 by 0.05 (201), limits −5.00…5.00 by 0.25 (41), all in cents.
    const mids = Array.from({ length: 201 }, (_, i) => -500 + 5 * i);
    const limits = Array.from({ length: 41 }, (_, j) => -500 + 25 * j);
    let fills = 0;
    for (const limit of limits) {
      for (const mid of mids) {
        // The trader's view: a debit limit is the most they pay; a credit limit the least they receive.
        const acceptable = limit >= 0 ? mid <= limit : -mid >= -limit;
        const decision = fillDecision(mid * 10_000, limit * 10_000);
        expect(decision).toEqual(acceptable ? { fill: true, priceMicros: mid * 10_000 } : { fill: false });
        if (decision.fill) fills += 1;
      }
    }
    // Limit j (−5.00 + 0.25 j) takes the mids −5.00 … limit: 5 j + 1 of them; Σ over j = 0…40 is 5 × 820 + 41.
    expect(fills).toBe(4141);
  });
});
