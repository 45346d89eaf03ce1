import { describe, expect, it } from 'vitest';
import type { JournalPositionLeg } from '../dto/journal-position.schema.js';
import { journalLeg, journalLegs } from './journal-position-legs.js';
import { expiryCloseOf } from './session-close.js';

// Friday 2026-01-02: 16:00 New York is 21:00 UTC (EST).
const DATE = '2026-01-02';
const CLOSE = Date.UTC(2026, 0, 2, 21);

const optionLeg = (over: Partial<JournalPositionLeg> = {}): JournalPositionLeg => ({
  kind: 'option',
  symbol: 'SPXW  260102C05000000',
  expiry: DATE,
  strike: 5000,
  right: 'C',
  side: 'buy',
  quantity: 1,
  openPrice: 12.5,
  multiplier: 100,
  ...over,
});

describe(journalLeg.name, () => {
  it('prices an open option leg at its date’s 16:00 New York close, signed by side', () => {
    expect(expiryCloseOf(DATE)).toBe(CLOSE);
    expect(journalLeg(optionLeg())).toEqual({ type: 'call', strike: 5000, expiry: CLOSE, quantity: 1, entryPrice: 12.5 });
    expect(journalLeg(optionLeg({ side: 'sell', right: 'P', quantity: 3 }))).toMatchObject({ type: 'put', quantity: -3 });
  });

  it('scales a future option to $100 contracts: 2 /ES options at $50 a point are one SPX-sized contract', () => {
    expect(journalLeg(optionLeg({ kind: 'future_option', quantity: 2, multiplier: 50 }))?.quantity).toBe(1);
  });

  it('leaves out stock, futures and legs without a usable date', () => {
    expect(journalLeg(optionLeg({ kind: 'stock', strike: null, right: null, expiry: null }))).toBeUndefined();
    expect(journalLeg(optionLeg({ kind: 'future' }))).toBeUndefined();
    expect(journalLeg(optionLeg({ expiry: '2026-02-30' }))).toBeUndefined();
  });
});

describe(journalLegs.name, () => {
  it('keeps the legs it can price and counts the others', () => {
    const { legs, skippedLegs } = journalLegs([optionLeg(), optionLeg({ kind: 'stock', strike: null, right: null, expiry: null })]);
    expect(legs).toHaveLength(1);
    expect(skippedLegs).toBe(1);
  });
});
