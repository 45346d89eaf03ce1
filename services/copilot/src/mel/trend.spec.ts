import { describe, expect, it } from 'vitest';
import { trendOf } from './trend.js';

describe(trendOf.name, () => {
  it('is stable without history and within 5 points of the recent mean', () => {
    expect(trendOf(80, [])).toBe('stable');
    expect(trendOf(84.9, [80, 80])).toBe('stable');
  });

  it('improves from +5 and degrades from −5 points against the mean of the last five scores', () => {
    // Mean of the last five (the 0 is older): (70 + 72 + 74 + 76 + 78) / 5 = 74.
    expect(trendOf(79, [0, 70, 72, 74, 76, 78])).toBe('improving');
    expect(trendOf(69, [0, 70, 72, 74, 76, 78])).toBe('degrading');
  });
});
