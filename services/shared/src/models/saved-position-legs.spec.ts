import { describe, expect, it } from 'vitest';
import { createSavedPositionBodySchema } from '../dto/journal-saved-position.schema.js';
import { makeTile, type HeatmapTile, type TileStrategy } from './heatmap.js';
import { payoffAtExpiry } from './risk-graph.js';
import { savedLegsFromTile, savedPositionFromTile, savedPositionRiskLegs } from './saved-position-legs.js';
import { expiryCloseOf, expiryDateOf } from './session-close.js';
import { tileLegs } from './tile-legs.js';

// Monday 23 November 2026, 16:00 New York (EST, UTC−5): the producer's expiry instant.
const expiry = Date.UTC(2026, 10, 23, 21);

function tile(strategy: TileStrategy, width: number, strike: number, debit: number): HeatmapTile {
  const t = makeTile(strategy, 0, width, strike, debit, expiry);
  if (!t) throw new Error(`no ${strategy} tile`);
  return t;
}

describe('expiry dates', () => {
  it('reads an expiry instant as its New York date', () => {
    expect(expiryDateOf(expiry)).toBe('2026-11-23');
    // 00:30 UTC on the 24th is still the 23rd in New York.
    expect(expiryDateOf(Date.UTC(2026, 10, 24, 0, 30))).toBe('2026-11-23');
  });

  it('puts an expiry date at the 16:00 New York close, in winter and in summer', () => {
    expect(expiryCloseOf('2026-11-23')).toBe(expiry);
    expect(expiryCloseOf('2026-07-17')).toBe(Date.UTC(2026, 6, 17, 20));
  });

  it('has no close for a string that is not a calendar date', () => {
    expect(expiryCloseOf('2026-02-30')).toBeUndefined();
    expect(expiryCloseOf('23/11/2026')).toBeUndefined();
  });
});

describe('saved legs of a heatmap tile', () => {
  it('turns the 4990/5000/5010 call fly into long 1, short 2, long 1 on its expiry date', () => {
    expect(savedLegsFromTile(tile('butterfly-call', 10, 5000, 2.5))).toEqual([
      { expiry: '2026-11-23', strike: 4990, right: 'call', ratio: 1 },
      { expiry: '2026-11-23', strike: 5000, right: 'call', ratio: -2 },
      { expiry: '2026-11-23', strike: 5010, right: 'call', ratio: 1 },
    ]);
  });

  it('turns a put vertical into long the put at the strike and short the one a width below', () => {
    expect(savedLegsFromTile(tile('vertical-put', 5, 5000, 1.8))).toEqual([
      { expiry: '2026-11-23', strike: 5000, right: 'put', ratio: 1 },
      { expiry: '2026-11-23', strike: 4995, right: 'put', ratio: -1 },
    ]);
  });

  it('has no legs for a tile without a usable expiry', () => {
    expect(savedLegsFromTile({ ...tile('single-call', 0, 5000, 12), expiry: Number.NaN })).toBeUndefined();
  });

  it('makes a create body the journal accepts: the tile bought twice at its debit, its key as the source', () => {
    const fly = tile('butterfly-put', 10, 5000, 2.5);
    const body = savedPositionFromTile('SPX', fly, 2);
    expect(body).toMatchObject({ name: 'SPX 4990/5000/5010 butterfly-put 2026-11-23', symbol: 'SPX', quantity: 2, entryPrice: 2.5, source: { kind: 'tile', key: fly.key } });
    expect(createSavedPositionBodySchema.safeParse(body).success).toBe(true);
  });
});

describe('risk legs of a saved position', () => {
  it('prices a saved tile exactly as the tile itself: 2 flies bought at 2.50 are the tile legs bought twice', () => {
    const fly = tile('butterfly-call', 10, 5000, 2.5);
    const body = savedPositionFromTile('SPX', fly, 2);
    if (!body) throw new Error('setup');
    expect(savedPositionRiskLegs(body)).toEqual(tileLegs(fly, 2));
  });

  it('puts a credit on the first short leg: a 5000/4990 put credit spread sold for 3.00 keeps 3 above 5000 and loses 7 below 4990', () => {
    const legs = savedPositionRiskLegs({
      legs: [
        { expiry: '2026-11-23', strike: 4990, right: 'put', ratio: 1 },
        { expiry: '2026-11-23', strike: 5000, right: 'put', ratio: -1 },
      ],
      quantity: 1,
      entryPrice: -3,
    });
    expect(legs.map((l) => l.entryPrice)).toEqual([0, 3]);
    // Above 5000 both puts expire worthless: the 3.00 credit is kept.
    expect(payoffAtExpiry(legs, 5100)).toBeCloseTo(3, 10);
    // At 4900: long 4990P is worth 90, short 5000P costs 100: 90 − 100 + 3 = −7 (the width less the credit).
    expect(payoffAtExpiry(legs, 4900)).toBeCloseTo(-7, 10);
  });

  it('splits a debit by the leg ratio: one 1×2 spread at 4.00 puts 4.00 on its single long leg', () => {
    const legs = savedPositionRiskLegs({
      legs: [
        { expiry: '2026-11-23', strike: 5010, right: 'call', ratio: -2 },
        { expiry: '2026-11-23', strike: 5000, right: 'call', ratio: 1 },
      ],
      quantity: 3,
      entryPrice: 4,
    });
    expect(legs).toEqual([
      { type: 'call', strike: 5010, expiry, quantity: -6, entryPrice: 0 },
      { type: 'call', strike: 5000, expiry, quantity: 3, entryPrice: 4 },
    ]);
    // At 5010: the long call is worth 10 a contract, the shorts nothing: (10 − 4) × 3 = 18.
    expect(payoffAtExpiry(legs, 5010)).toBeCloseTo(18, 10);
  });
});

describe('the saved leg contract', () => {
  const leg = { expiry: '2027-03-19', strike: 5000, right: 'call', ratio: 1 };
  const issues = (expiry: string) => createSavedPositionBodySchema.safeParse({ name: 'x', symbol: 'SPX', legs: [{ ...leg, expiry }], quantity: 1, entryPrice: 1 }).error?.issues.map((i) => i.path.join('.'));

  it('takes a calendar date and refuses one the calendar does not have, or another format', () => {
    expect(issues('2027-03-19')).toBeUndefined();
    expect(issues('2027-02-30')).toEqual(['legs.0.expiry']);
    expect(issues('19/03/2027')).toEqual(['legs.0.expiry']);
  });
});
