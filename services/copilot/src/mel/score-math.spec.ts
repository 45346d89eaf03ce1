import { describe, expect, it } from 'vitest';
import { agreement, freshness, mean, scoreOf } from './score-math.js';

describe('score math', () => {
  it('agreement is the smaller over the larger, 100 for two nils', () => {
    expect(agreement(0.1, 0.2)).toBe(50);
    expect(agreement(0.2, 0.1)).toBe(50);
    expect(agreement(0, 0)).toBe(100);
    expect(agreement(0, 1)).toBe(0);
  });

  it('freshness is full up to the first age, nil from the second, linear between', () => {
    expect(freshness(5, 10, 110)).toBe(100);
    expect(freshness(60, 10, 110)).toBe(50);
    expect(freshness(200, 10, 110)).toBe(0);
  });

  it('a score is the mean of its components, confidence kept within 0..1', () => {
    expect(mean([])).toBe(0);
    expect(scoreOf({ a: 50, b: 100 }, 2)).toEqual({ score: 75, components: { a: 50, b: 100 }, confidence: 1 });
  });
});
