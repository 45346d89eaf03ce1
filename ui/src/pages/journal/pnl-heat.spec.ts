import { describe, expect, it } from 'vitest';
import { HEAT_CEILING, HEAT_FLOOR, heatIntensity, heatOf, heatScale } from './pnl-heat';

describe(heatScale.name, () => {
  it('is the 90th percentile of |P&L| so one outsized day does not pale the others', () => {
    // Ten days: nine of 100…900 and one of 10 000. The nearest-rank 90th percentile is the 9th value, 900.
    const days = [100, -200, 300, -400, 500, 600, -700, 800, 900, -10_000];
    expect(heatScale(days)).toBe(900);
  });

  it('ignores days without trades and break-even days', () => {
    expect(heatScale([null, undefined, 0, -250])).toBe(250);
  });

  it('is 0 when nothing moved', () => {
    expect(heatScale([])).toBe(0);
    expect(heatScale([0, null])).toBe(0);
  });
});

describe(heatIntensity.name, () => {
  it('is |P&L| over the scale, clamped at 1', () => {
    expect(heatIntensity(450, 900)).toBe(0.5);
    expect(heatIntensity(-450, 900)).toBe(0.5);
    expect(heatIntensity(-10_000, 900)).toBe(1);
  });

  it('is 0 without a scale or a figure', () => {
    expect(heatIntensity(100, 0)).toBe(0);
    expect(heatIntensity(null, 900)).toBe(0);
    expect(heatIntensity(Number.NaN, 900)).toBe(0);
  });
});

describe(heatOf.name, () => {
  it('tints a winning day green and a losing day red, stronger with |P&L|', () => {
    const small = heatOf(90, 900);
    const big = heatOf(900, 900);
    expect(small.tone).toBe('up');
    expect(big.background).toBe(`rgba(63, 185, 80, ${HEAT_CEILING.toFixed(3)})`);
    // 90/900 = 0.1 → alpha 0.18 + 0.67 × 0.1 = 0.247.
    expect(small.background).toBe('rgba(63, 185, 80, 0.247)');
    expect(heatOf(-900, 900)).toEqual({ tone: 'down', intensity: 1, background: 'rgba(248, 81, 73, 0.850)' });
  });

  it('never draws a non-zero day fainter than the floor', () => {
    expect(heatOf(0.01, 900).background).toBe(`rgba(63, 185, 80, ${HEAT_FLOOR.toFixed(3)})`);
  });

  it('leaves days without trades and break-even days untinted, but tells them apart', () => {
    expect(heatOf(null, 900)).toEqual({ tone: 'none', intensity: 0, background: undefined });
    expect(heatOf(0, 900)).toEqual({ tone: 'flat', intensity: 0, background: undefined });
  });
});
