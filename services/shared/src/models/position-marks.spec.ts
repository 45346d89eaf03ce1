import { describe, expect, it } from 'vitest';
import { type JournalStyleLeg } from './journal-position-legs.js';
import { singleOptionMids, type PricedTile } from './option-mids.js';
import { markOpenTrade, markSavedPosition, openLegMark } from './position-marks.js';
import { expiryCloseOf } from './session-close.js';

const DATE = '2026-12-07';
const expiry = expiryCloseOf(DATE) ?? 0;
const tile = (strategy: 'single-call' | 'single-put', strike: number, debit: number): PricedTile => ({ strategy, strike, expiry, debit });
// SPX mids of 2026-12-07: 6000C 15.20, 6010C 9.70, 5990P 6.10, 5980P 4.00, 5970P 2.60.
const mids = singleOptionMids([tile('single-call', 6000, 15.2), tile('single-call', 6010, 9.7), tile('single-put', 5990, 6.1), tile('single-put', 5980, 4), tile('single-put', 5970, 2.6)]);

const callLeg = (strike: number, side: 'buy' | 'sell', openPrice: number, overrides: Partial<JournalStyleLeg> = {}): JournalStyleLeg => ({
  kind: 'option',
  expiry: DATE,
  strike,
  right: 'C',
  side,
  quantity: 2,
  openPrice,
  multiplier: 100,
  ...overrides,
});
const vertical = [callLeg(6000, 'buy', 12.5), callLeg(6010, 'sell', 8)];
const fly = {
  legs: [
    { expiry: DATE, strike: 5990, right: 'put' as const, ratio: 1 },
    { expiry: DATE, strike: 5980, right: 'put' as const, ratio: -2 },
    { expiry: DATE, strike: 5970, right: 'put' as const, ratio: 1 },
  ],
  quantity: 3,
  entryPrice: 1.4,
};

describe(openLegMark.name, () => {
  it('prices an option leg at its mid, a share at the spot given, a future at nothing', () => {
    expect(openLegMark(callLeg(6000, 'buy', 12.5), mids)).toBe(15.2);
    const share: JournalStyleLeg = { kind: 'stock', expiry: null, strike: null, right: null, side: 'buy', quantity: 10, openPrice: 6000, multiplier: 1 };
    expect(openLegMark(share, mids, 6004)).toBe(6004);
    expect(openLegMark(share, mids)).toBeUndefined();
    expect(openLegMark({ ...share, kind: 'future', multiplier: 50 }, mids, 6004)).toBeUndefined();
  });
});

describe(markOpenTrade.name, () => {
  it('values a 6000/6010 call vertical ×2: cost (12.5 − 8) × 2 × 100 = 900, worth (15.2 − 9.7) × 2 × 100 = 1,100, P&L +200', () => {
    const marks = markOpenTrade(vertical, mids);
    expect(marks.marks).toEqual([15.2, 9.7]);
    expect(marks.cost).toBeCloseTo(900, 9);
    expect(marks.value).toBeCloseTo(1100, 9);
    expect(marks.pnl).toBeCloseTo(200, 9);
  });

  it('counts each leg at its own multiplier: a 10-lot of shares bought at 5,990, now 6,004, makes 14 × 10 = 140', () => {
    const share: JournalStyleLeg = { kind: 'stock', expiry: null, strike: null, right: null, side: 'buy', quantity: 10, openPrice: 5990, multiplier: 1 };
    expect(markOpenTrade([share], mids, 6004).pnl).toBe(140);
  });

  it('has no value or P&L while a leg has no mid, and keeps the marks it has', () => {
    const marks = markOpenTrade([callLeg(6000, 'buy', 12.5), callLeg(6500, 'sell', 1)], mids);
    expect(marks).toMatchObject({ marks: [15.2, undefined], value: undefined, pnl: undefined });
    expect(marks.cost).toBeCloseTo(2300, 9);
  });
});

describe(markSavedPosition.name, () => {
  it('values a saved put fly of 3 at 6.10 − 2 × 4.00 + 2.60 = 0.70 a spread: worth 210 against 1.40 × 300 = 420 paid, P&L −210', () => {
    const marks = markSavedPosition(fly, mids);
    expect(marks.marks).toEqual([6.1, 4, 2.6]);
    expect(marks.debit).toBeCloseTo(0.7, 9);
    expect(marks.value).toBeCloseTo(210, 9);
    expect(marks.cost).toBeCloseTo(420, 9);
    expect(marks.pnl).toBeCloseTo(-210, 9);
  });

  it('has no debit while a leg has no mid', () => {
    expect(markSavedPosition({ ...fly, legs: [...fly.legs, { expiry: DATE, strike: 5000, right: 'put', ratio: 1 }] }, mids)).toMatchObject({ debit: undefined, value: undefined, pnl: undefined });
  });
});
