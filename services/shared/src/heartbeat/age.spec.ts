import { describe, expect, it } from 'vitest';
import { ageSec } from './age.js';

describe(ageSec.name, () => {
  it('gives the seconds since a timestamp to a tenth', () => {
    expect(ageSec(10_000, 12_345)).toBe(2.3);
    expect(ageSec(10_000, 12_350)).toBe(2.4);
  });

  it('is zero, not negative, for a timestamp a little in the future', () => {
    expect(ageSec(10_500, 10_000)).toBe(0);
  });
});
