import { describe, expect, it } from 'vitest';
import { payoffAtExpiry } from './risk-graph.js';
import { describeTemplate, type TemplateInput, templateLegs } from './strategy-templates.js';

const expiry = Date.UTC(2026, 11, 18, 21);
const farExpiry = Date.UTC(2026, 11, 25, 21);
const now = expiry - 4 * 3_600_000;

// A toy chain, linear in the strike so each leg's entry is traceable: a call is 2 + (K − 5000) / 100, a put 3 + the same, +10 at the far expiry.
const mid = (type: 'call' | 'put', strike: number, at: number): number => (at === farExpiry ? 10 : 0) + (type === 'call' ? 2 : 3) + (strike - 5000) / 100;
const chain = (type: 'call' | 'put', strike: number, at: number): number | undefined => (strike >= 4900 && strike <= 5100 ? mid(type, strike, at) : undefined);
const base: TemplateInput = { kind: 'single', type: 'call', strike: 5000, width: 10, expiry, quantity: 1, direction: 'long' };
const shape = (input: Partial<TemplateInput>): [string, number, number][] =>
  templateLegs({ ...base, ...input }, chain).map((l) => [l.type, l.strike, l.quantity]);

describe(templateLegs.name, () => {
  it('buys one option for a long single, priced at its mid', () => {
    expect(templateLegs(base, chain)).toEqual([{ type: 'call', strike: 5000, expiry, quantity: 1, entryPrice: 2 }]);
  });

  it('builds a debit vertical: a call spread upwards, a put spread downwards', () => {
    expect(shape({ kind: 'vertical' })).toEqual([['call', 5000, 1], ['call', 5010, -1]]);
    expect(shape({ kind: 'vertical', type: 'put' })).toEqual([['put', 5000, 1], ['put', 4990, -1]]);
  });

  it('builds a 1 −2 1 butterfly around the centre, times the lots', () => {
    expect(shape({ kind: 'butterfly', strike: 5005, quantity: 3 })).toEqual([['call', 4995, 3], ['call', 5005, -6], ['call', 5015, 3]]);
  });

  it('breaks the fly’s wing on the out-of-the-money side of its type, 2 × width unless told', () => {
    expect(shape({ kind: 'bwb' })).toEqual([['call', 4990, 1], ['call', 5000, -2], ['call', 5020, 1]]);
    expect(shape({ kind: 'bwb', type: 'put', wing: 30 })).toEqual([['put', 5010, 1], ['put', 5000, -2], ['put', 4970, 1]]);
  });

  it('builds the iron fly as traders sell it: short straddle, long wings', () => {
    expect(shape({ kind: 'iron-fly', type: 'put' })).toEqual([['put', 4990, 1], ['put', 5000, -1], ['call', 5000, -1], ['call', 5010, 1]]);
  });

  it('builds an iron condor with its shorts `wing` either side of the centre and longs `width` beyond', () => {
    expect(shape({ kind: 'iron-condor', strike: 5000, wing: 15, width: 10 })).toEqual([
      ['put', 4975, 1],
      ['put', 4985, -1],
      ['call', 5015, -1],
      ['call', 5025, 1],
    ]);
    expect(shape({ kind: 'iron-condor' }).map(([, strike]) => strike)).toEqual([4980, 4990, 5010, 5020]);
  });

  it('sells the near and buys the far expiry for a calendar, each at its own price', () => {
    const legs = templateLegs({ ...base, kind: 'calendar', farExpiry }, chain);
    expect(legs).toEqual([
      { type: 'call', strike: 5000, expiry, quantity: -1, entryPrice: 2 },
      { type: 'call', strike: 5000, expiry: farExpiry, quantity: 1, entryPrice: 12 },
    ]);
  });

  it('flips every sign for the short direction, keeping each entry price positive', () => {
    const long = templateLegs({ ...base, kind: 'butterfly', quantity: 2 }, chain);
    const short = templateLegs({ ...base, kind: 'butterfly', quantity: 2, direction: 'short' }, chain);
    expect(short.map((l) => l.quantity)).toEqual(long.map((l) => -l.quantity));
    expect(short.map((l) => l.entryPrice)).toEqual(long.map((l) => l.entryPrice));
    for (const spot of [4980, 4995, 5000, 5004, 5030]) expect(payoffAtExpiry(short, spot)).toBeCloseTo(-payoffAtExpiry(long, spot), 12);
  });

  it('gives a long call fly the expiry payoff of a fly: width − debit at the centre, −debit outside', () => {
    // debit = 1.9 − 2 × 2 + 2.1 = 0 on the toy chain's straight line, so the payoff is the bare tent.
    const legs = templateLegs({ ...base, kind: 'butterfly' }, chain);
    expect(payoffAtExpiry(legs, 5000)).toBeCloseTo(10, 12);
    expect(payoffAtExpiry(legs, 4985)).toBeCloseTo(0, 12);
    expect(payoffAtExpiry(legs, 5005)).toBeCloseTo(5, 12);
  });

  it('names the missing strike and expiry when the chain has no price', () => {
    expect(() => templateLegs({ ...base, kind: 'vertical', strike: 5095 }, chain)).toThrow(/call 5105 expiring 2026-12-18T21:00:00.000Z/);
  });

  it('refuses a malformed template', () => {
    expect(() => templateLegs({ ...base, kind: 'calendar' }, chain)).toThrow(/farExpiry/);
    expect(() => templateLegs({ ...base, kind: 'calendar', farExpiry: expiry }, chain)).toThrow(/farExpiry/);
    expect(() => templateLegs({ ...base, quantity: 0 }, chain)).toThrow(/quantity/);
    expect(() => templateLegs({ ...base, width: -5 }, chain)).toThrow(/width/);
    expect(() => templateLegs({ ...base, kind: 'butterfly', strike: 5, width: 10 }, () => 1)).toThrow(/not positive/);
    expect(() => templateLegs(base, () => -1)).toThrow(/negative price/);
  });
});

describe(describeTemplate.name, () => {
  it('names each template as a trader says it', () => {
    const at = (input: Partial<TemplateInput>): string => describeTemplate({ ...base, ...input }, now);
    expect(at({ kind: 'butterfly', strike: 5005 })).toBe('Long butterfly call 5005 ±10, 0DTE');
    expect(at({ kind: 'vertical', type: 'put', direction: 'short' })).toBe('Short vertical put 5000/4990, 0DTE');
    expect(at({ kind: 'bwb', strike: 5005 })).toBe('Long broken-wing butterfly call 5005 −10/+20, 0DTE');
    expect(at({ kind: 'bwb', type: 'put', wing: 25 })).toBe('Long broken-wing butterfly put 5000 +10/−25, 0DTE');
    expect(at({ kind: 'iron-fly' })).toBe('Long iron fly 5000 ±10, 0DTE');
    expect(at({ kind: 'iron-condor' })).toBe('Long iron condor 4980/4990/5010/5020, 0DTE');
    expect(at({ kind: 'calendar', farExpiry })).toBe('Long calendar call 5000, 0DTE/7DTE');
    expect(at({ strike: 402.5, quantity: 3 })).toBe('Long call 402.5 ×3, 0DTE');
  });

  it('counts whole days to expiry as the heatmap does', () => {
    expect(describeTemplate({ ...base, kind: 'single' }, expiry - 2 * 86_400_000 - 3_600_000)).toBe('Long call 5000, 2DTE');
  });
});
