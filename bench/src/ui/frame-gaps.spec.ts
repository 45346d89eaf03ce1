import { describe, expect, it } from 'vitest';
import { frameGaps, quantile } from './frame-gaps.js';

describe(frameGaps.name, () => {
  it('reports 60 frames a second and no missed frame for a steady 60 Hz', () => {
    const stamps = Array.from({ length: 120 }, (_, i) => i * (1000 / 60));
    const gaps = frameGaps(stamps, 2000);
    expect(gaps.framesPerSec).toBe(60);
    expect(gaps.ratioTo60).toBe(1);
    expect(gaps.p95GapMs).toBeCloseTo(16.67, 2);
    expect(gaps.missedFrames).toBe(0);
  });

  it('counts a 100 ms stall as one missed gap and its length as the worst', () => {
    // 10 frames 16 ms apart, a 100 ms stall, 10 more: 20 frames over 1 s.
    const stamps = [...Array.from({ length: 10 }, (_, i) => i * 16), ...Array.from({ length: 10 }, (_, i) => 244 + i * 16)];
    const gaps = frameGaps(stamps, 1000);
    expect(gaps.framesPerSec).toBe(20);
    expect(gaps.maxGapMs).toBe(100);
    expect(gaps.missedFrames).toBe(1);
    expect(gaps.p50GapMs).toBe(16);
  });

  it('has no gaps for fewer than two frames', () => {
    expect(frameGaps([5], 1000)).toMatchObject({ frames: 1, p95GapMs: 0, maxGapMs: 0, missedFrames: 0 });
  });
});

describe(quantile.name, () => {
  it('takes the nearest rank', () => {
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(quantile([], 0.5)).toBe(0);
  });
});
