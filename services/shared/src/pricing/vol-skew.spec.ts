import { describe, expect, it } from 'vitest';
import { bsPrice } from './black-scholes.js';
import { priceChain, skewVol } from './vol-skew.js';
import { MS_PER_DAY } from './year-fraction.js';

const skew = { atmVol: 0.2, skew: -1, curvature: 4 };

describe(skewVol.name, () => {
  it('is atmVol at the money and follows atmVol·(1 + skew·m + curvature·m²) off it', () => {
    expect(skewVol(skew, 5000, 5000)).toBe(0.2);
    const m = Math.log(4500 / 5000);
    expect(skewVol(skew, 5000, 4500)).toBeCloseTo(0.2 * (1 - m + 4 * m * m), 15);
    expect(skewVol(skew, 5000, 4500)).toBeGreaterThan(skewVol(skew, 5000, 5500));
  });

  it('clamps to [minVol, maxVol]', () => {
    expect(skewVol({ atmVol: 0.2, skew: -50, curvature: 0 }, 100, 200)).toBe(0.01);
    expect(skewVol({ atmVol: 0.2, skew: -50, curvature: 0, maxVol: 1.5 }, 100, 20)).toBe(1.5);
  });
});

describe(priceChain.name, () => {
  it('prices a call and a put per expiry × strike with the skew vol', () => {
    const now = 1_700_000_000_000;
    const chain = priceChain({ spot: 5000, rate: 0.045, now, expiries: [now + MS_PER_DAY, now + 7 * MS_PER_DAY], strikes: [4900, 5000, 5100], skew });
    expect(chain).toHaveLength(12);
    const put = chain.find((o) => o.type === 'put' && o.strike === 4900 && o.expiry === now + 7 * MS_PER_DAY);
    expect(put?.iv).toBe(skewVol(skew, 5000, 4900));
    expect(put?.price).toBe(bsPrice({ type: 'put', spot: 5000, strike: 4900, time: 7 / 365, rate: 0.045, vol: skewVol(skew, 5000, 4900), dividendYield: 0 }));
  });
});
