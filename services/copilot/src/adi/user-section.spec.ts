import { describe, expect, it } from 'vitest';
import { singleOptionMids } from '@marketswarm/shared/models';
import { openCallVertical, savedPutButterfly } from '../book/user-book.fixtures.js';
import { adiHeatmapTiles } from './adi.fixtures.js';
import { openPosition, savedPosition, userSection } from './user-section.js';

// Mids of 2026-12-07: 6000C 15.20, 6010C 9.70, 5990P 6.10, 5980P 4.00, 5970P 2.60.
const market = { underlying: 'SPX', mids: singleOptionMids(Object.values(adiHeatmapTiles())), spot: 6004 };

describe(openPosition.name, () => {
  it('values an open call vertical at the heatmap mids', () => {
    // Bought 2 × 6000C at 12.50, sold 2 × 6010C at 8.00, × 100: cost 2500 − 1600 = $900.
    // Marked 2 × 15.20 − 2 × 9.70 = 11.00 points × 100 = $1,100 → P&L +$200.
    expect(openPosition(openCallVertical(), market)).toEqual({
      id: 'trade-1',
      kind: 'open',
      name: 'vertical SPX',
      symbol: 'SPX',
      quantity: 2,
      legs: [
        { expiry: '2026-12-07', strike: 6000, right: 'call', quantity: 2, entry: 12.5, mark: 15.2 },
        { expiry: '2026-12-07', strike: 6010, right: 'call', quantity: -2, entry: 8, mark: 9.7 },
      ],
      cost: 900,
      value: 1100,
      pnl: 200,
    });
  });

  it('marks SPXW legs from the SPX heatmap', () => {
    const weekly = openCallVertical({ symbol: 'SPXW', legs: openCallVertical().legs.map((leg) => ({ ...leg, symbol: 'SPXW' })) });
    expect(openPosition(weekly, market).pnl).toBe(200);
  });

  it('marks legs named by an order fill\'s option symbol from their trade\'s underlying', () => {
    const filled = openCallVertical({ legs: openCallVertical().legs.map((leg) => ({ ...leg, symbol: `SPX   261207C0${leg.strike ?? 0}000` })) });
    // The same vertical as above: 2 × 15.20 − 2 × 9.70 = 11.00 points × 100 = $1,100 against $900 paid.
    expect(openPosition(filled, market)).toMatchObject({ value: 1100, pnl: 200 });
    expect(openPosition(filled, market).legs.map((leg) => leg.mark)).toEqual([15.2, 9.7]);
  });

  it('values a share of the underlying at spot: 10 bought at 5,990, now 6,004, make 14 × 10 = $140', () => {
    const shares = openCallVertical({ legs: [{ kind: 'stock', symbol: 'SPX', expiry: null, strike: null, right: null, side: 'buy', quantity: 10, openPrice: 5990, multiplier: 1 }] });
    expect(openPosition(shares, market)).toMatchObject({ cost: 59_900, value: 60_040, pnl: 140 });
  });

  it('leaves another underlying\'s position unmarked, even at a strike the heatmap has', () => {
    const ndx = openCallVertical({ symbol: 'NDX', legs: openCallVertical().legs.map((leg) => ({ ...leg, symbol: 'NDX' })) });
    expect(openPosition(ndx, market)).toMatchObject({ cost: 900, value: null, pnl: null });
  });
});

describe(savedPosition.name, () => {
  it('values a saved put butterfly per spread, times its quantity and the multiplier', () => {
    // One spread: +5990P − 2 × 5980P + 5970P = 6.10 − 8.00 + 2.60 = 0.70 points; × 3 spreads × 100 = $210.
    // Entry 1.40 × 3 × 100 = $420 → P&L −$210.
    expect(savedPosition(savedPutButterfly(), market)).toMatchObject({ kind: 'saved', name: 'Pin fly', quantity: 3, cost: 420, value: 210, pnl: -210 });
  });
});

describe(userSection.name, () => {
  it('sums the open P&L, unknown as soon as one open position is unmarked', () => {
    const book = { openTrades: [openCallVertical(), openCallVertical({ id: 'trade-2' })], savedPositions: [savedPutButterfly()] };
    expect(userSection(book, market).openPnl).toBe(400);
    const unmarked = openCallVertical({ id: 'trade-3', legs: [{ ...openCallVertical().legs[0]!, strike: 6500 }] });
    expect(userSection({ openTrades: [openCallVertical(), unmarked], savedPositions: [] }, market).openPnl).toBeNull();
  });

  it('has an empty book for a user with no positions', () => {
    expect(userSection({ openTrades: [], savedPositions: [] }, market)).toEqual({ openPositions: [], savedPositions: [], openPnl: 0 });
  });
});
