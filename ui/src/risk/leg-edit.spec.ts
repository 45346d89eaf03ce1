import { describe, expect, it } from 'vitest';
import { makeTile, tileLegs } from '@marketswarm/shared/models';
import { checkLegs, legFieldsOf, pricedLikeMids, rowsUnchanged, spreadPrice, type LegFields } from './leg-edit';

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
    expect(legFieldsOf({ type: 'put', strike: 4990, expiry: CLOSE, quantity: -2, entryPrice: 1.234 })).toEqual({ right: 'put', strike: '4990', expiry: '2026-01-02', ratio: '-2', price: '1.23', exact: 1.234 });
    expect(spreadPrice([{ quantity: 1, entryPrice: 3 }, { quantity: -2, entryPrice: 1.2 }])).toBeCloseTo(0.6, 12);
  });
});

describe('pricedLikeMids', () => {
  // The 10-wide SPX call fly tile bought for 2.35: the whole debit on its first leg (tileLegs).
  const tile = makeTile('butterfly-call', 0, 10, 5000, 2.35, CLOSE, 0.18);
  if (tile === undefined) throw new Error('bad test tile');
  const legs = tileLegs(tile, 1);

  it('starts each leg at its live mid scaled so the spread still costs the tile’s debit', () => {
    // Mids 14.20 − 2 × 8.10 + 4.30 = 2.30 net; scaled by 2.35 / 2.30.
    const priced = pricedLikeMids(legs, [14.2, 8.1, 4.3]);
    expect(priced.map((l) => l.entryPrice)).toEqual([14.2, 8.1, 4.3].map((m) => expect.closeTo((m * 2.35) / 2.3, 12) as unknown));
    expect(spreadPrice(priced)).toBeCloseTo(2.35, 12);
  });

  it('applies unchanged at exactly the tile’s debit, though the editor shows prices to the cent', () => {
    const checked = checkLegs(pricedLikeMids(legs, [14.2, 8.1, 4.3]).map(legFieldsOf), NOW);
    expect(checked.ok).toBe(true);
    // At the cents shown (14.51, 8.28, 4.39) the net would be 2.34.
    if (checked.ok) expect(spreadPrice(checked.legs)).toBeCloseTo(2.35, 12);
  });

  it('keeps the tile’s own leg prices when a mid is missing or the mids net to the other side', () => {
    expect(pricedLikeMids(legs, [14.2, undefined, 4.3]).map((l) => l.entryPrice)).toEqual([2.35, 0, 0]);
    // 10 − 2 × 6 + 1 = −1: a credit at the mids cannot be scaled into a 2.35 debit.
    expect(pricedLikeMids(legs, [10, 6, 1]).map((l) => l.entryPrice)).toEqual([2.35, 0, 0]);
    expect(pricedLikeMids(legs, [10, 5, 0]).map((l) => l.entryPrice)).toEqual([2.35, 0, 0]);
  });
});

describe('rowsUnchanged', () => {
  const start = [row({ exact: 2.4871 }), row({ strike: '5010', ratio: '-1', price: '0.9' })];

  it('sees rows as they started as unchanged, so Apply moves nothing', () => {
    expect(rowsUnchanged(start, start.map((r) => ({ ...r })))).toBe(true);
  });

  it('sees any typed field, a retyped price or a removed leg as a change', () => {
    expect(rowsUnchanged(start, [row({ exact: 2.4871, strike: '4995' }), start[1] as LegFields])).toBe(false);
    expect(rowsUnchanged(start, [row(), start[1] as LegFields])).toBe(false);
    expect(rowsUnchanged(start, [start[0] as LegFields])).toBe(false);
  });
});

describe('checkLegs with exact prices', () => {
  it('takes a leg’s exact price until its price is typed', () => {
    const checked = checkLegs([row({ price: '2.49', exact: 2.4871 }), row({ strike: '5010', ratio: '-1', price: '0.9' })], NOW);
    expect(checked.ok && checked.legs.map((l) => l.entryPrice)).toEqual([2.4871, 0.9]);
  });
});
