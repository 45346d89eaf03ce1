import { describe, expect, it } from 'vitest';
import { bwbWing, payoffExtremes, structurePayoff, tileStructure } from './tile-structure.js';

describe(bwbWing.name, () => {
  it('adds a strike or half the width (rounded up to a strike), whichever is more: SPX 5 → 10, 10 → 15, 20 → 30, 50 → 75', () => {
    expect([5, 10, 20, 50].map((w) => bwbWing(w, 5))).toEqual([10, 15, 30, 75]);
  });

  it('scales with the strike step: NDX 25 → 50, 50 → 75; SPY 1 → 2, 3 → 5', () => {
    expect([bwbWing(25, 25), bwbWing(50, 25), bwbWing(1, 1), bwbWing(3, 1)]).toEqual([50, 75, 2, 5]);
  });
});

describe(tileStructure.name, () => {
  it('sells the straddle and buys the wings of an iron fly', () => {
    expect(tileStructure('iron-fly', 5000, 10)).toEqual([
      { type: 'put', strike: 4990, ratio: 1 },
      { type: 'put', strike: 5000, ratio: -1 },
      { type: 'call', strike: 5000, ratio: -1 },
      { type: 'call', strike: 5010, ratio: 1 },
    ]);
  });

  it('breaks the far wing of a BWB on its own side: above for calls, below for puts', () => {
    expect(tileStructure('bwb-call', 5000, 10, 15).map((l) => [l.type, l.strike, l.ratio])).toEqual([
      ['call', 4990, 1],
      ['call', 5000, -2],
      ['call', 5015, 1],
    ]);
    expect(tileStructure('bwb-put', 5000, 10, 15).map((l) => [l.type, l.strike, l.ratio])).toEqual([
      ['put', 4985, 1],
      ['put', 5000, -2],
      ['put', 5010, 1],
    ]);
  });

  it('refuses a BWB without a far wing wider than its near one', () => {
    expect(() => tileStructure('bwb-call', 5000, 10)).toThrow(RangeError);
    expect(() => tileStructure('bwb-put', 5000, 10, 10)).toThrow(RangeError);
  });
});

describe(payoffExtremes.name, () => {
  it('a 10-wide iron fly for a 7.50 credit: +7.50 at 5000, −2.50 beyond either wing', () => {
    const legs = tileStructure('iron-fly', 5000, 10);
    expect(structurePayoff(legs, -7.5, 5000)).toBeCloseTo(7.5, 10);
    expect(structurePayoff(legs, -7.5, 4900)).toBeCloseTo(-2.5, 10);
    expect(structurePayoff(legs, -7.5, 5100)).toBeCloseTo(-2.5, 10);
    expect(payoffExtremes(legs, -7.5)).toEqual({ maxProfit: 7.5, maxLoss: 2.5 });
  });

  it('a long call has unbounded profit, its loss is the debit', () => {
    expect(payoffExtremes(tileStructure('single-call', 5000, 0), 20)).toEqual({ maxProfit: null, maxLoss: 20 });
  });

  it('a long put makes at most its strike less the debit (at 0)', () => {
    expect(payoffExtremes(tileStructure('single-put', 5000, 0), 15)).toEqual({ maxProfit: 4985, maxLoss: 15 });
  });

  it('reports an unbounded loss for a naked short call', () => {
    expect(payoffExtremes([{ type: 'call', strike: 5000, ratio: -1 }], -3).maxLoss).toBe(Infinity);
  });
});
