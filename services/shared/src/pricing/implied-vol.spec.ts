import { describe, expect, it } from 'vitest';
import { bsPrice } from './black-scholes.js';
import { bsGreeks } from './greeks.js';
import { impliedVol } from './implied-vol.js';

describe(impliedVol.name, () => {
  it('recovers the volatility that produced a price, across moneyness, expiry and vol', () => {
    for (const type of ['call', 'put'] as const)
      for (const strike of [4500, 4950, 5000, 5100, 5500])
        for (const time of [2 / 365, 30 / 365, 1])
          for (const vol of [0.08, 0.2, 0.6, 1.5]) {
            const base = { type, spot: 5000, strike, time, rate: 0.045, dividendYield: 0.013 };
            const price = bsPrice({ ...base, vol });
            // Skip options whose price barely depends on σ (no time value left): any σ fits them.
            if (bsGreeks({ ...base, vol }).vega < 1e-4) continue;
            const iv = impliedVol({ ...base, price });
            expect(iv).toBeDefined();
            expect(bsPrice({ ...base, vol: iv ?? 0 })).toBeCloseTo(price, 8);
            expect(iv).toBeCloseTo(vol, 5);
          }
  });

  it("finds Hull's 20 % from the 4.76 call", () => {
    const iv = impliedVol({ type: 'call', spot: 42, strike: 40, time: 0.5, rate: 0.1, price: 4.759422392871535 });
    expect(iv).toBeCloseTo(0.2, 10);
  });

  it('returns undefined for prices outside the no-arbitrage bounds or an expired option', () => {
    const base = { type: 'call' as const, spot: 100, strike: 90, time: 0.5, rate: 0.05 };
    expect(impliedVol({ ...base, price: 5 })).toBeUndefined(); // below discounted intrinsic
    expect(impliedVol({ ...base, price: 101 })).toBeUndefined(); // above the spot
    expect(impliedVol({ ...base, time: 0, price: 10 })).toBeUndefined();
  });
});
