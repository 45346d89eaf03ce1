import { describe, expect, it } from 'vitest';
import { openCallVertical, savedPutButterfly } from '../book/user-book.fixtures.js';
import { bookBreakevens, expiryBreakevens } from './book-breakevens.js';

const expiry = Date.UTC(2026, 11, 7, 21, 0);

describe(expiryBreakevens.name, () => {
  it('finds a long call\'s breakeven beyond its strike', () => {
    // 6000 + 12.5 paid
    expect(expiryBreakevens([{ type: 'call', strike: 6000, expiry, quantity: 1, entryPrice: 12.5 }])).toEqual([6012.5]);
  });

  it('gives a calendar no breakevens rather than wrong ones', () => {
    expect(
      expiryBreakevens([
        { type: 'call', strike: 6000, expiry, quantity: 1, entryPrice: 20 },
        { type: 'call', strike: 6000, expiry: expiry - 86_400_000, quantity: -1, entryPrice: 12 },
      ]),
    ).toEqual([]);
  });
});

describe(bookBreakevens.name, () => {
  it('finds the breakevens of open trades and saved positions', () => {
    // vertical: 6000 + (12.5 − 8) = 6004.5; fly 5990/5980/5970 for 1.4: 5970 + 1.4 and 5990 − 1.4
    const positions = bookBreakevens({ openTrades: [openCallVertical()], savedPositions: [savedPutButterfly()] });
    expect(positions.map((p) => ({ ...p, breakevens: p.breakevens.map((b) => Math.round(b * 1e6) / 1e6) }))).toEqual([
      { id: 'open:trade-1', name: 'Your SPX vertical ×2', symbol: 'SPX', breakevens: [6004.5] },
      { id: 'saved:saved-1', name: 'Saved Pin fly', symbol: 'SPX', breakevens: [5971.4, 5988.6] },
    ]);
  });

  it('leaves out a trade with a leg the risk graph cannot price', () => {
    const trade = openCallVertical();
    const stock = { kind: 'stock' as const, symbol: 'SPY', expiry: null, strike: null, right: null, side: 'buy' as const, quantity: 100, openPrice: 600, multiplier: 1 };
    expect(bookBreakevens({ openTrades: [{ ...trade, legs: [...trade.legs, stock] }], savedPositions: [] })).toEqual([]);
  });
});
