import { describe, expect, it } from 'vitest';
import { NO_VALUE, cellColour, luminance, normalise, viridis } from './heatmap-colour';

describe('normalise', () => {
  it('places debit linearly and clamps', () => {
    expect(normalise(5, { min: 0, max: 10 }, 'debit')).toBe(0.5);
    expect(normalise(-3, { min: 0, max: 10 }, 'debit')).toBe(0);
    expect(normalise(30, { min: 0, max: 10 }, 'debit')).toBe(1);
    expect(normalise(3, { min: 3, max: 3 }, 'debit')).toBe(0.5);
  });

  it('places reward/risk on a log scale', () => {
    expect(normalise(1, { min: 0.1, max: 10 }, 'rewardRisk')).toBeCloseTo(0.5, 10);
  });
});

describe('viridis', () => {
  it('runs from dark purple to bright yellow, brightening monotonically', () => {
    expect(viridis(0)).toEqual([0x44, 0x01, 0x54]);
    expect(viridis(1)).toEqual([0xfd, 0xe7, 0x25]);
    let prev = -1;
    for (let t = 0; t <= 1.0001; t += 0.05) {
      const l = luminance(viridis(t));
      expect(l).toBeGreaterThan(prev);
      prev = l;
    }
  });
});

describe('cellColour', () => {
  it('is grey without a value', () => {
    expect(cellColour(null, { min: 0, max: 1 }, 'rewardRisk')).toBe(NO_VALUE);
    expect(cellColour(1, undefined, 'debit')).toBe(NO_VALUE);
  });

  it('picks readable text: light on the dark end, dark on the bright end', () => {
    expect(cellColour(0, { min: 0, max: 10 }, 'debit')).toEqual({ background: 'rgb(68 1 84)', color: '#e6edf3' });
    expect(cellColour(10, { min: 0, max: 10 }, 'debit').color).toBe('#0d1117');
  });
});
