import { describe, expect, it } from 'vitest';
import { linearScale } from '../../charts/scale';
import { areaPath, axisMoney, labelRows, linePath, pnlDomain } from './risk-chart';

describe('pnlDomain', () => {
  it('includes zero and pads', () => {
    const [lo, hi] = pnlDomain([
      { spot: 1, expiry: 100, today: 50 },
      { spot: 2, expiry: 200 },
    ]);
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(200);
    expect(pnlDomain([])).toEqual([-1, 1]);
  });
});

describe('paths', () => {
  const x = linearScale([0, 10], [0, 100]);
  const y = linearScale([-1, 1], [100, 0]);

  it('draws a polyline and breaks it at gaps', () => {
    expect(linePath([0, 10, 20], [1, 2, 3])).toBe('M0 1L10 2L20 3');
    expect(linePath([0, 10, 20], [1, NaN, 3])).toBe('M0 1M20 3');
  });

  it('fills the profit side down to zero through the breakevens', () => {
    const points = [
      { spot: 0, expiry: -1 },
      { spot: 10, expiry: 1 },
    ];
    expect(areaPath(points, [5], 1, x, y)).toBe('M0 50L50 50L100 0L100 50L0 50Z');
    expect(areaPath(points, [5], -1, x, y)).toBe('M0 100L50 50L100 50L100 50L0 50Z');
    expect(areaPath([{ spot: 0, expiry: -1 }, { spot: 10, expiry: -1 }], [], 1, x, y)).toBe('');
  });
});

describe('labels', () => {
  it('formats axis dollars compactly', () => {
    expect(axisMoney(250)).toBe('$250');
    expect(axisMoney(-1200)).toBe('−$1.2k');
    expect(axisMoney(15_000)).toBe('$15k');
    expect(axisMoney(0)).toBe('$0');
  });

  it('staggers labels that would overlap', () => {
    expect(labelRows([10, 20, 200], 50)).toEqual([0, 1, 0]);
  });
});
