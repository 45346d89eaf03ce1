import { describe, expect, it } from 'vitest';
import { bandPath, biasFill, biasLean, clampScore, formatSigned, MODE_BANDS, needleRotation, needleTip, polar, scoreToAngle } from './mode-geometry';

describe(scoreToAngle.name, () => {
  it('sweeps the upper half circle from left (0) to right (100)', () => {
    expect(scoreToAngle(0)).toBeCloseTo(Math.PI);
    expect(scoreToAngle(50)).toBeCloseTo(Math.PI / 2);
    expect(scoreToAngle(100)).toBeCloseTo(0);
  });

  it('clamps scores outside 0–100', () => {
    expect(scoreToAngle(-20)).toBeCloseTo(Math.PI);
    expect(scoreToAngle(140)).toBeCloseTo(0);
    expect(clampScore(Number.NaN)).toBe(0);
  });
});

describe(polar.name, () => {
  it('turns a maths angle into SVG coordinates (y down)', () => {
    expect(polar(100, 100, 50, Math.PI)).toEqual({ x: 50, y: 100 });
    expect(polar(100, 100, 50, Math.PI / 2)).toEqual({ x: 100, y: 50 });
    expect(polar(100, 100, 50, 0)).toEqual({ x: 150, y: 100 });
  });
});

describe(needleTip.name, () => {
  it('points the needle left, up and right', () => {
    expect(needleTip(100, 100, 80, 0)).toEqual({ x: 20, y: 100 });
    expect(needleTip(100, 100, 80, 50)).toEqual({ x: 100, y: 20 });
    expect(needleTip(100, 100, 80, 100)).toEqual({ x: 180, y: 100 });
  });

  it('agrees with the rotation of a left-pointing needle', () => {
    for (const score of [0, 12.5, 40, 72, 100]) {
      const deg = (needleRotation(score) * Math.PI) / 180;
      // Rotating (−80, 0) clockwise on screen by deg.
      const x = 100 - 80 * Math.cos(deg);
      const y = 100 - 80 * Math.sin(deg);
      const tip = needleTip(100, 100, 80, score);
      expect(tip.x).toBeCloseTo(x, 1);
      expect(tip.y).toBeCloseTo(y, 1);
    }
    expect(needleRotation(50)).toBe(90);
    expect(needleRotation(150)).toBe(180);
  });
});

describe(bandPath.name, () => {
  it('draws an annular sector clockwise over the top, inner arc back', () => {
    expect(bandPath(100, 100, 90, 60, 0, 50)).toBe('M 10 100 A 90 90 0 0 1 100 10 L 100 40 A 60 60 0 0 0 40 100 Z');
  });

  it('covers the half circle with the three bands', () => {
    expect(MODE_BANDS.map((b) => [b.mode, b.from, b.to])).toEqual([
      ['compression', 0, 40],
      ['transition', 40, 60],
      ['expansion', 60, 100],
    ]);
    expect(bandPath(100, 100, 90, 60, 60, 100)).toMatch(/ 190 100 L 160 100 /);
  });
});

describe(biasFill.name, () => {
  it('fills from the centre towards the side of the bias', () => {
    expect(biasFill(0)).toEqual({ left: 50, width: 0 });
    expect(biasFill(0.5)).toEqual({ left: 50, width: 25 });
    expect(biasFill(-0.5)).toEqual({ left: 25, width: 25 });
    expect(biasFill(-1)).toEqual({ left: 0, width: 50 });
    expect(biasFill(3)).toEqual({ left: 50, width: 50 });
  });
});

describe(biasLean.name, () => {
  it('reads a small bias as neutral', () => {
    expect(biasLean(-0.4)).toBe('bearish');
    expect(biasLean(0.05)).toBe('neutral');
    expect(biasLean(0.15)).toBe('bullish');
  });
});

describe(formatSigned.name, () => {
  it('always shows the sign and the same decimals', () => {
    expect(formatSigned(0.4213)).toBe('+0.42');
    expect(formatSigned(-0.17)).toBe('\u22120.17');
    expect(formatSigned(0)).toBe('0.00');
    expect(formatSigned(-0.001)).toBe('0.00');
  });
});
