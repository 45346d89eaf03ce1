import { describe, expect, it } from 'vitest';
import { checkLegs, legFieldsOf, pricedAtMids, spreadPrice, type LegFields } from './leg-edit';

// Friday 2026-01-02: 16:00 New York is 21:00 UTC.
const CLOSE = Date.UTC(2026, 0, 2, 21);
const NOW = Date.UTC(2026, 0, 2, 15);
const row = (over: Partial<LegFields> = {}): LegFields => ({ right: 'call', strike: '5000', expiry: '2026-01-02', ratio: '1', price: '2.5', ...over });

describe('checkLegs', () => {
  it('turns typed legs into one spread’s legs expiring at the date’s close', () => {
    const checked = checkLegs([row(), row({ strike: '5010', ratio: '-1', price: '0.9' })], NOW);
    expect(checked).toEqual({
      ok: true,
      legs: [
        { type: 'call', strike: 5000, expiry: CLOSE, quantity: 1, entryPrice: 2.5 },
        { type: 'call', strike: 5010, expiry: CLOSE, quantity: -1, entryPrice: 0.9 },
      ],
    });
  });

  it('says what is wrong with each field', () => {
    const checked = checkLegs([row({ strike: '', ratio: '0', price: '-1' }), row({ expiry: '2026-02-30', ratio: '1.5' })], NOW);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors['0.strike']).toBe('must be a number');
    expect(checked.errors['0.ratio']).toBe('must not be 0');
    expect(checked.errors['0.price']).toBe('must not be negative');
    expect(checked.errors['1.expiry']).toBe('must be a date on the calendar');
    expect(checked.errors['1.ratio']).toBe('must be a whole number');
  });

  it('refuses the same option twice, as the journal would', () => {
    const checked = checkLegs([row(), row({ ratio: '-2' })], NOW);
    expect(checked).toEqual({ ok: false, errors: { '1': 'repeats the option of an earlier leg; merge their ratios' } });
  });

  it('refuses a leg whose date has closed and an empty spread', () => {
    expect(checkLegs([row({ expiry: '2026-01-01' })], NOW)).toEqual({ ok: false, errors: { '0.expiry': 'has already expired' } });
    expect(checkLegs([], NOW)).toEqual({ ok: false, errors: { '(root)': 'send at least one leg' } });
  });

  it('starts from a leg as it is drawn and prices the spread net', () => {
    expect(legFieldsOf({ type: 'put', strike: 4990, expiry: CLOSE, quantity: -2, entryPrice: 1.234 })).toEqual({ right: 'put', strike: '4990', expiry: '2026-01-02', ratio: '-2', price: '1.23' });
    expect(spreadPrice([{ quantity: 1, entryPrice: 3 }, { quantity: -2, entryPrice: 1.2 }])).toBeCloseTo(0.6, 12);
  });
});

describe('pricedAtMids', () => {
  const legs = [
    { type: 'call' as const, strike: 4990, expiry: CLOSE, quantity: 1, entryPrice: 2.35 },
    { type: 'call' as const, strike: 5000, expiry: CLOSE, quantity: -2, entryPrice: 0 },
  ];

  it('prices every leg at its live mid when the heatmap has them all', () => {
    expect(pricedAtMids(legs, [14.2, 8.1]).map((l) => l.entryPrice)).toEqual([14.2, 8.1]);
  });

  it('keeps the tile’s prices when a mid is missing', () => {
    expect(pricedAtMids(legs, [14.2, undefined]).map((l) => l.entryPrice)).toEqual([2.35, 0]);
  });
});
