import type { SavedPositionDto } from '@marketswarm/shared/dto';
import { daysToExpiry, makeTile } from '@marketswarm/shared/models';
import { describe, expect, it } from 'vitest';
import { addLeg, describeLegs, draftFromPosition, draftFromTile, editLeg, emptyDraft, removeLeg, toOrderRequest, type OrderDraft } from './order-form';

const fly: OrderDraft = {
  symbol: 'spx',
  quantity: '2',
  limitPrice: '1.35',
  legs: [
    { expiry: '2026-12-07', strike: '5990', right: 'call', ratio: '1' },
    { expiry: '2026-12-07', strike: '6000', right: 'call', ratio: '-2' },
    { expiry: '2026-12-07', strike: '6010', right: 'call', ratio: '1' },
  ],
};

describe(toOrderRequest.name, () => {
  it('turns a typed butterfly into the body the journal takes, symbol upper-cased', () => {
    expect(toOrderRequest(fly)).toEqual({
      ok: true,
      body: {
        symbol: 'SPX',
        quantity: 2,
        limitPrice: 1.35,
        legs: [
          { expiry: '2026-12-07', strike: 5990, right: 'call', ratio: 1 },
          { expiry: '2026-12-07', strike: 6000, right: 'call', ratio: -2 },
          { expiry: '2026-12-07', strike: 6010, right: 'call', ratio: 1 },
        ],
      },
    });
  });

  it('accepts a negative limit: a credit received', () => {
    const result = toOrderRequest({ ...fly, limitPrice: '-0.80' });
    expect(result.ok && result.body.limitPrice).toBe(-0.8);
  });

  it('names each refused field by the path the server uses', () => {
    const result = toOrderRequest({
      symbol: 'SPX',
      quantity: '',
      limitPrice: 'abc',
      legs: [{ expiry: '12/07/2026', strike: '-5', right: 'put', ratio: '0' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['quantity']).toBe('is required');
    expect(result.errors['limitPrice']).toBe('must be a number');
    expect(result.errors['legs.0.expiry']).toBe('must be a date such as 2026-03-20');
    expect(result.errors['legs.0.strike']).toBe('must be positive');
    expect(result.errors['legs.0.ratio']).toMatch(/^must not be 0/);
  });

  it('refuses fractional quantities and limits finer than 6 decimals', () => {
    const result = toOrderRequest({ ...fly, quantity: '1.5', limitPrice: '1.0000001' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['quantity']).toBe('must be a whole number of spreads');
    expect(result.errors['limitPrice']).toBe('must be a decimal number with at most 6 decimals');
  });

  it('refuses the same option twice, on the repeated leg', () => {
    const result = toOrderRequest({ ...fly, legs: [fly.legs[0]!, { ...fly.legs[0]!, ratio: '2' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['legs.1']).toMatch(/repeats/);
  });

  it('sends where the spread came from', () => {
    const result = toOrderRequest({ ...fly, source: { kind: 'tile', key: 'butterfly-call:0:10:6000' } });
    expect(result.ok && result.body.source).toEqual({ kind: 'tile', key: 'butterfly-call:0:10:6000' });
  });
});

describe(draftFromTile.name, () => {
  it('builds a call butterfly +1/−2/+1 around the centre strike, expiring dte days after today', () => {
    const draft = draftFromTile('butterfly-call:2:10:6000', 'SPX', '2026-12-07');
    expect(draft?.legs).toEqual([
      { expiry: '2026-12-09', strike: '5990', right: 'call', ratio: '1' },
      { expiry: '2026-12-09', strike: '6000', right: 'call', ratio: '-2' },
      { expiry: '2026-12-09', strike: '6010', right: 'call', ratio: '1' },
    ]);
    expect(draft?.source).toEqual({ kind: 'tile', key: 'butterfly-call:2:10:6000' });
    expect(draft?.limitPrice).toBe('');
  });

  it('builds verticals long the strike and short the width away, and singles', () => {
    expect(draftFromTile('vertical-put:0:5:6000', 'SPX', '2026-12-07')?.legs.map((l) => [l.strike, l.right, l.ratio])).toEqual([['6000', 'put', '1'], ['5995', 'put', '-1']]);
    expect(draftFromTile('vertical-call:0:5:6000', 'SPX', '2026-12-07')?.legs.map((l) => [l.strike, l.ratio])).toEqual([['6000', '1'], ['6005', '-1']]);
    expect(draftFromTile('single-put:0:0:6000', 'SPX', '2026-12-07')?.legs).toHaveLength(1);
  });

  it('gives nothing for a key the heatmap does not make', () => {
    expect(draftFromTile('condor:0:10:6000', 'SPX', '2026-12-07')).toBeUndefined();
    expect(draftFromTile('butterfly-call:0:0:6000', 'SPX', '2026-12-07')).toBeUndefined();
  });

  it('takes the live tile\'s own expiry date, where the key\'s dte counted from today would be a day early', () => {
    // Priced Monday 7 December 2026 at 16:30 New York, after the close: Tuesday's 16:00 expiry is
    // 23.5 hours away, so the tile's dte is 0 though its options expire on the 8th.
    const now = Date.UTC(2026, 11, 7, 21, 30);
    const live = makeTile('butterfly-call', daysToExpiry(now, Date.UTC(2026, 11, 8, 21)), 10, 6000, 2.35, Date.UTC(2026, 11, 8, 21));
    expect(live?.key).toBe('butterfly-call:0:10:6000');
    expect(draftFromTile('butterfly-call:0:10:6000', 'SPX', '2026-12-07', live)?.legs.map((l) => l.expiry)).toEqual(['2026-12-08', '2026-12-08', '2026-12-08']);
    // Without it the preview says the 7th; the journal trades the live tile's legs all the same.
    expect(draftFromTile('butterfly-call:0:10:6000', 'SPX', '2026-12-07')?.legs[0]?.expiry).toBe('2026-12-07');
  });

  it('ignores a live tile of another key', () => {
    const other = makeTile('butterfly-call', 1, 10, 6000, 2.35, Date.UTC(2026, 11, 8, 21));
    expect(draftFromTile('butterfly-call:0:10:6000', 'SPX', '2026-12-07', other)?.legs[0]?.expiry).toBe('2026-12-07');
  });

  it('yields a draft the shared schema accepts once a limit is typed', () => {
    const draft = draftFromTile('butterfly-put:0:10:6000', 'SPX', '2026-12-07');
    expect(draft && toOrderRequest({ ...draft, limitPrice: '2.10' }).ok).toBe(true);
  });
});

describe(draftFromPosition.name, () => {
  it('copies a saved position with its entry price as the limit', () => {
    const position: SavedPositionDto = {
      id: 'p1',
      name: 'Fly',
      symbol: 'SPX',
      legs: [{ expiry: '2026-12-18', strike: 6000, right: 'put', ratio: 1 }],
      quantity: 3,
      entryPrice: 4.2,
      createdAt: 0,
      updatedAt: 0,
    };
    expect(draftFromPosition(position)).toEqual({
      symbol: 'SPX',
      quantity: '3',
      limitPrice: '4.2',
      legs: [{ expiry: '2026-12-18', strike: '6000', right: 'put', ratio: '1' }],
      source: { kind: 'position', id: 'p1' },
    });
  });
});

describe('editing legs', () => {
  it('drops the source once the spread is changed by hand', () => {
    const draft = draftFromTile('butterfly-call:0:10:6000', 'SPX', '2026-12-07')!;
    expect(editLeg(draft, 1, { strike: '6005' }).source).toBeUndefined();
    expect(editLeg(draft, 1, { strike: '6005' }).legs[1]?.strike).toBe('6005');
    expect(addLeg(draft).legs).toHaveLength(4);
    expect(addLeg(draft).legs[3]?.expiry).toBe('2026-12-07');
    expect(removeLeg(draft, 0).legs.map((l) => l.strike)).toEqual(['6000', '6010']);
  });

  it('keeps at least one leg and at most eight', () => {
    expect(removeLeg(emptyDraft(), 0).legs).toHaveLength(1);
    let draft = emptyDraft();
    for (let i = 0; i < 10; i++) draft = addLeg(draft);
    expect(draft.legs).toHaveLength(8);
  });
});

describe(describeLegs.name, () => {
  it('spells a spread out compactly', () => {
    expect(describeLegs([{ expiry: '2026-12-07', strike: 5990, right: 'call', ratio: 1 }, { expiry: '2026-12-07', strike: 6000, right: 'call', ratio: -2 }])).toBe('+1 5990C −2 6000C 2026-12-07');
  });
});
