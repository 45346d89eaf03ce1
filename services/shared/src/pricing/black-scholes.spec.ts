import { describe, expect, it } from 'vitest';
import { type BsInputs, bsPrice, intrinsicValue } from './black-scholes.js';
import { bsGreeks } from './greeks.js';
import { MS_PER_DAY, yearFraction } from './year-fraction.js';

const hull = { spot: 42, strike: 40, time: 0.5, rate: 0.1, vol: 0.2 };

describe(bsPrice.name, () => {
  it("reproduces Hull's example 15.6: S=42, K=40, r=10 %, σ=20 %, T=0.5 → call 4.76, put 0.81", () => {
    expect(bsPrice({ type: 'call', ...hull })).toBeCloseTo(4.759422392871535, 12);
    expect(bsPrice({ type: 'put', ...hull })).toBeCloseTo(0.8085993729000958, 12);
    expect(bsPrice({ type: 'call', ...hull }).toFixed(2)).toBe('4.76');
    expect(bsPrice({ type: 'put', ...hull }).toFixed(2)).toBe('0.81');
  });

  it('prices a dividend-paying underlying as Merton does: the call on S with yield q equals the call on S·e^(−qT) without', () => {
    const withQ = bsPrice({ type: 'call', spot: 100, strike: 95, time: 0.75, rate: 0.05, vol: 0.3, dividendYield: 0.03 });
    const shifted = bsPrice({ type: 'call', spot: 100 * Math.exp(-0.03 * 0.75), strike: 95, time: 0.75, rate: 0.05, vol: 0.3 });
    expect(withQ).toBeCloseTo(shifted, 12);
    expect(withQ).toBeLessThan(bsPrice({ type: 'call', spot: 100, strike: 95, time: 0.75, rate: 0.05, vol: 0.3 }));
  });

  it('satisfies put–call parity C − P = S·e^(−qT) − K·e^(−rT) over a grid', () => {
    for (const spot of [50, 90, 100, 110, 200])
      for (const strike of [60, 100, 150])
        for (const time of [1 / 365, 0.25, 2])
          for (const vol of [0.05, 0.2, 0.8])
            for (const q of [0, 0.02]) {
              const base = { spot, strike, time, rate: 0.04, vol, dividendYield: q };
              const lhs = bsPrice({ type: 'call', ...base }) - bsPrice({ type: 'put', ...base });
              const rhs = spot * Math.exp(-q * time) - strike * Math.exp(-0.04 * time);
              expect(lhs).toBeCloseTo(rhs, 9);
            }
  });

  it('prices an expired option (time ≤ 0) at intrinsic value', () => {
    expect(bsPrice({ type: 'call', spot: 105, strike: 100, time: 0, rate: 0.05, vol: 0.2 })).toBe(5);
    expect(bsPrice({ type: 'put', spot: 105, strike: 100, time: -0.1, rate: 0.05, vol: 0.2 })).toBe(0);
    expect(intrinsicValue('put', 95, 100)).toBe(5);
  });

  it('prices a zero-vol option at the discounted forward intrinsic value', () => {
    const call = bsPrice({ type: 'call', spot: 100, strike: 100, time: 1, rate: 0.05, vol: 0 });
    expect(call).toBeCloseTo(100 - 100 * Math.exp(-0.05), 12);
    expect(bsPrice({ type: 'put', spot: 100, strike: 100, time: 1, rate: 0.05, vol: 0 })).toBe(0);
  });

  it('rejects inputs it cannot price', () => {
    expect(() => bsPrice({ type: 'call', spot: 0, strike: 100, time: 1, rate: 0, vol: 0.2 })).toThrow(/spot/);
    expect(() => bsPrice({ type: 'call', spot: 100, strike: Number.NaN, time: 1, rate: 0, vol: 0.2 })).toThrow(/strike/);
    expect(() => bsPrice({ type: 'call', spot: 100, strike: 100, time: Number.NaN, rate: 0, vol: 0.2 })).toThrow(/time/);
  });
});

describe(bsGreeks.name, () => {
  const h = 1e-4;
  const cases: BsInputs[] = [
    { type: 'call', spot: 100, strike: 100, time: 0.5, rate: 0.05, vol: 0.25, dividendYield: 0.02 },
    { type: 'put', spot: 100, strike: 110, time: 0.5, rate: 0.05, vol: 0.25, dividendYield: 0.02 },
    { type: 'call', spot: 5000, strike: 5050, time: 3 / 365, rate: 0.045, vol: 0.15 },
    { type: 'put', spot: 5000, strike: 4900, time: 30 / 365, rate: 0.045, vol: 0.22, dividendYield: 0.013 },
  ];

  it.each(cases)('matches central finite differences of the price for a $type K=$strike T=$time', (c) => {
    const g = bsGreeks(c);
    const p = (d: Partial<BsInputs>): number => bsPrice({ ...c, ...d });
    // |actual − finite difference| within 1e-5 relative (1e-7 absolute near zero).
    const near = (actual: number, fd: number): void => {
      expect(Math.abs(actual - fd)).toBeLessThan(1e-5 * Math.abs(fd) + 1e-7);
    };
    const dS = c.spot * 1e-5;
    expect(g.price).toBe(p({}));
    near(g.delta, (p({ spot: c.spot + dS }) - p({ spot: c.spot - dS })) / (2 * dS));
    const dG = c.spot * 1e-4;
    near(g.gamma, (p({ spot: c.spot + dG }) - 2 * p({}) + p({ spot: c.spot - dG })) / (dG * dG));
    near(g.vega, (p({ vol: c.vol + h }) - p({ vol: c.vol - h })) / (2 * h) / 100);
    near(g.rho, (p({ rate: c.rate + h }) - p({ rate: c.rate - h })) / (2 * h) / 100);
    // theta: value lost per calendar day as time to expiry shrinks.
    const dT = h * c.time;
    near(g.theta, -(p({ time: c.time + dT }) - p({ time: c.time - dT })) / (2 * dT) / 365);
  });

  it('gives the textbook signs: long options have positive gamma and vega, negative theta here', () => {
    const call = bsGreeks(cases[0] as BsInputs);
    const put = bsGreeks({ ...(cases[0] as BsInputs), type: 'put' });
    expect(call.delta).toBeGreaterThan(0);
    expect(put.delta).toBeLessThan(0);
    expect(call.delta - put.delta).toBeCloseTo(Math.exp(-0.02 * 0.5), 12);
    expect(call.gamma).toBeCloseTo(put.gamma, 15);
    expect(call.vega).toBeGreaterThan(0);
    expect(call.theta).toBeLessThan(0);
  });

  it('uses the limiting greeks at expiry', () => {
    const at = (type: 'call' | 'put', spot: number) => bsGreeks({ type, spot, strike: 100, time: 0, rate: 0.05, vol: 0.2 });
    expect(at('call', 101)).toEqual({ price: 1, delta: 1, gamma: 0, theta: 0, vega: 0, rho: 0 });
    expect(at('call', 99).delta).toBe(0);
    expect(at('put', 99).delta).toBe(-1);
    expect(at('put', 100).delta).toBe(-0.5);
  });

  it('treats zero vol as the deterministic forward', () => {
    const g = bsGreeks({ type: 'call', spot: 100, strike: 90, time: 1, rate: 0.05, vol: 0, dividendYield: 0.01 });
    expect(g.delta).toBeCloseTo(Math.exp(-0.01), 15);
    expect(g.gamma).toBe(0);
    expect(g.vega).toBe(0);
    expect(g.rho).toBeCloseTo((90 * Math.exp(-0.05)) / 100, 15);
    expect(g.theta).toBeCloseTo((0.01 * 100 * Math.exp(-0.01) - 0.05 * 90 * Math.exp(-0.05)) / 365, 15);
    expect(bsGreeks({ type: 'put', spot: 100, strike: 90, time: 1, rate: 0.05, vol: 0 }).delta).toBe(0);
  });
});

describe(yearFraction.name, () => {
  it('counts ACT/365 from milliseconds, intraday included', () => {
    expect(yearFraction(0, 365 * MS_PER_DAY)).toBe(1);
    expect(yearFraction(0, 6 * 3_600_000)).toBeCloseTo(6 / 8760, 15);
    expect(yearFraction(MS_PER_DAY, 0)).toBeCloseTo(-1 / 365, 15);
  });
});
