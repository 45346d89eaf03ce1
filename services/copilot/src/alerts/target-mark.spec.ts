import { describe, expect, it } from 'vitest';
import { targetReached, thresholdPassed } from './target-mark.js';

describe(targetReached.name, () => {
  it('fires an above target when the mark is at or above it, whatever came before', () => {
    expect(targetReached('above', 2.5, undefined, 2.5)).toBe(true);
    expect(targetReached('above', 2.5, 3, 2.49)).toBe(false);
  });

  it('fires a below target when the mark is at or below it', () => {
    expect(targetReached('below', -500, -400, -500)).toBe(true);
    expect(targetReached('below', -500, -600, -499)).toBe(false);
  });

  it('fires a cross target only when the mark moved through it since the previous mark', () => {
    expect(targetReached('cross', 100, undefined, 150)).toBe(false);
    expect(targetReached('cross', 100, 90, 150)).toBe(true);
    expect(targetReached('cross', 100, 150, 100)).toBe(true);
    expect(targetReached('cross', 100, 110, 150)).toBe(false);
  });
});

describe(thresholdPassed.name, () => {
  it('passes a greek threshold strictly beyond the value on its side', () => {
    expect(thresholdPassed('above', 0.3, 0.31)).toBe(true);
    expect(thresholdPassed('above', 0.3, 0.3)).toBe(false);
    expect(thresholdPassed('below', -20, -21)).toBe(true);
  });
});
