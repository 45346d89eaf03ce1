import { describe, expect, it } from 'vitest';
import { closedTradeOf, dteOf, tradeSideOf } from './closed-trade-of.js';

describe('closedTradeOf', () => {
  it('reads short and credit positions as short, long and debit ones as long', () => {
    expect(['short', 'credit', 'Credit', 'sell'].map(tradeSideOf)).toEqual(['short', 'short', 'short', 'short']);
    expect(['long', 'debit', 'buy'].map(tradeSideOf)).toEqual(['long', 'long', 'long']);
  });

  it('counts DTE in calendar days from the entry date in exchange time', () => {
    // 2026-12-01 20:30 New York (EST) is 2026-12-02 01:30 UTC: still the 1st at the exchange, so a 4 Dec expiry is 3 days out.
    expect(dteOf(Date.UTC(2026, 11, 2, 1, 30), '2026-12-04', 'America/New_York')).toBe(3);
    expect(dteOf(Date.UTC(2026, 11, 2, 1, 30), '2026-12-04', 'UTC')).toBe(2);
    // Across the March DST change: 6 Mar → 13 Mar is 7 calendar days, not 7 × 24 h minus one hour rounded down.
    expect(dteOf(Date.UTC(2026, 2, 6, 15), '2026-03-13', 'America/New_York')).toBe(7);
    expect(dteOf(Date.UTC(2026, 11, 1, 15), '2026-12-01', 'America/New_York')).toBe(0);
    expect(dteOf(Date.UTC(2026, 11, 1, 15), null, 'America/New_York')).toBeUndefined();
  });

  it('maps a stored row to the analytics trade, money left in exact micros and DTE only for options', () => {
    const row = {
      id: 't1', symbol: 'SPXW', strategy: 'vertical', side: 'credit', quantityMicros: 2_000_000,
      openedAt: Date.UTC(2026, 11, 1, 15), closedAt: Date.UTC(2026, 11, 1, 19),
      grossMicros: 135_000_000, feesMicros: 2_765_200, netMicros: 132_234_800, riskMicros: 325_000_000,
      nearestExpiry: '2026-12-01', tags: ['FOMC'],
    };
    expect(closedTradeOf(row, 'America/New_York')).toEqual({
      id: 't1', symbol: 'SPXW', strategy: 'vertical', side: 'short', openedAt: row.openedAt, closedAt: row.closedAt,
      grossMinor: 135_000_000, feesMinor: 2_765_200, netMinor: 132_234_800, riskMinor: 325_000_000, tags: ['FOMC'], dte: 0, quantity: 2,
    });
    expect(closedTradeOf({ ...row, nearestExpiry: null }, 'America/New_York')).not.toHaveProperty('dte');
  });
});
