import { describe, expect, it } from 'vitest';
import { linearScale } from '../../charts/scale';
import { areaPath, axisMoney, chartFrame, labelRows, linePath, pnlDomain, priceTick, priceTickStep, MIN_CHART } from './risk-chart';

describe('pnlDomain', () => {
  it('covers every curve and zero, padded by 8% of the span', () => {
    // Span −100…200 = 300; 8% = 24.
    expect(pnlDomain([1, 2], [[100, 200], [-100, 50]])).toEqual([-124, 224]);
  });

  it('counts only the samples inside the drawn axis', () => {
    // The sample at 10 (P&L 9000) lies outside 0…5: the domain is 0…100 padded by 8.
    expect(pnlDomain([0, 5, 10], [[0, 100, 9000]], { from: 0, to: 5 })).toEqual([-8, 108]);
  });

  it('is −1…1 for a flat zero line and skips missing values', () => {
    expect(pnlDomain([], [])).toEqual([-1, 1]);
    expect(pnlDomain([1, 2], [[NaN, 0]])).toEqual([-1, 1]);
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
    expect(areaPath([0, 10], [-1, 1], [5], 1, x, y)).toBe('M0 50L50 50L100 0L100 50L0 50Z');
    expect(areaPath([0, 10], [-1, 1], [5], -1, x, y)).toBe('M0 100L50 50L100 50L100 50L0 50Z');
    expect(areaPath([0, 10], [-1, -1], [], 1, x, y)).toBe('');
  });
});

describe('labels', () => {
  it('formats axis dollars compactly', () => {
    expect(axisMoney(250)).toBe('$250');
    expect(axisMoney(-1200)).toBe('−$1.2k');
    expect(axisMoney(15_000)).toBe('$15k');
    expect(axisMoney(0)).toBe('$0');
  });

  it('gives price ticks the decimals their step needs', () => {
    expect(priceTick(5010, 5)).toBe('5010');
    expect(priceTick(5002.5, 0.5)).toBe('5002.5');
    expect(priceTick(5002.25, 0.25)).toBe('5002.25');
  });

  it('puts a label that would overlap its neighbour on the next row, and back when there is room', () => {
    expect(labelRows([10, 20, 200], 50)).toEqual([0, 1, 0]);
    // 10 and 30 collide; 70 is 60 px after 10, so row 0 is free again.
    expect(labelRows([10, 30, 70, 75], 50)).toEqual([0, 1, 0, 1]);
  });

  it('spaces price ticks so labels of their width never touch', () => {
    // 100 points on 400 px with 6-character labels (~37 px): about 400 / 74 = 5 ticks → step 20.
    expect(priceTickStep({ from: 4950, to: 5050 }, 400, 6)).toBe(20);
    // A 10-wide fly zoomed to 30 points on 800 px: steps of 2.
    expect(priceTickStep({ from: 4985, to: 5015 }, 800, 6)).toBe(2);
  });
});

describe('chartFrame', () => {
  it('leaves room on the left for the longest P&L label', () => {
    const narrow = chartFrame(600, 300, ['$0', '$50']);
    const wide = chartFrame(600, 300, ['−$1.2k', '$15k']);
    expect(wide.left).toBeGreaterThan(narrow.left);
    expect(wide.right).toBe(586);
    expect(wide.bottom).toBe(276);
  });

  it('never draws smaller than the minimum size', () => {
    const f = chartFrame(100, 50, []);
    expect(f.width).toBe(MIN_CHART.width);
    expect(f.height).toBe(MIN_CHART.height);
  });
});
