import { describe, expect, it } from 'vitest';
import { normCdf, normPdf } from './normal-cdf.js';

// Reference values: 0.5·erfc(−x/√2) in IEEE double (Python math.erfc).
const known: [number, number][] = [
  [0, 0.5],
  [1, 0.8413447460685429],
  [-1, 0.15865525393145707],
  [0.5, 0.6914624612740131],
  [1.96, 0.9750021048517795],
  [-1.96, 0.024997895148220435],
  [2.5, 0.9937903346742238],
  [3, 0.9986501019683699],
  [-3, 0.0013498980316300957],
];

describe(normCdf.name, () => {
  it.each(known)('Φ(%d) matches the published value to 1e-14', (x, p) => {
    expect(Math.abs(normCdf(x) - p)).toBeLessThan(1e-14);
  });

  it('keeps relative precision deep in the lower tail', () => {
    expect(normCdf(-6) / 9.865876450377012e-10).toBeCloseTo(1, 7);
    expect(normCdf(-8) / 6.220960574271819e-16).toBeCloseTo(1, 7);
    expect(normCdf(-40)).toBe(0);
    expect(normCdf(40)).toBe(1);
  });

  it('is symmetric: Φ(x) + Φ(−x) = 1', () => {
    for (let x = -7; x <= 7; x += 0.37) expect(normCdf(x) + normCdf(-x)).toBeCloseTo(1, 14);
  });
});

describe(normPdf.name, () => {
  it('is 1/√(2π) at 0 and e^(−½)/√(2π) at ±1', () => {
    expect(normPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
    expect(normPdf(1)).toBeCloseTo(Math.exp(-0.5) / Math.sqrt(2 * Math.PI), 15);
    expect(normPdf(-1)).toBe(normPdf(1));
  });
});
