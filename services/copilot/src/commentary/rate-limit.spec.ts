import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { CommentaryRateLimit, SlidingWindow } from './rate-limit.js';

describe(SlidingWindow.name, () => {
  it('allows the limit within a minute and refuses the next', () => {
    const window = new SlidingWindow();
    expect([0, 1000, 2000].map((t) => window.tryTake('u1', 2, t))).toEqual([true, true, false]);
  });

  it('slides: a slot frees exactly one minute after it was taken', () => {
    const window = new SlidingWindow();
    window.tryTake('u1', 2, 0);
    window.tryTake('u1', 2, 30_000);
    expect(window.tryTake('u1', 2, 59_999)).toBe(false);
    expect(window.tryTake('u1', 2, 60_000)).toBe(true);
    expect(window.tryTake('u1', 2, 60_001)).toBe(false);
  });

  it('counts each key on its own', () => {
    const window = new SlidingWindow();
    expect(window.tryTake('u1', 1, 0)).toBe(true);
    expect(window.tryTake('u2', 1, 0)).toBe(true);
    expect(window.tryTake('u1', 1, 1)).toBe(false);
  });

  it('does not spend a slot on a refused take', () => {
    const window = new SlidingWindow();
    window.tryTake('u1', 1, 0);
    for (let t = 1; t < 60_000; t += 10_000) window.tryTake('u1', 1, t);
    expect(window.tryTake('u1', 1, 60_000)).toBe(true);
  });
});

describe(CommentaryRateLimit.name, () => {
  it('takes the lower of the user\'s and the service\'s limit', () => {
    expect(CommentaryRateLimit.limitOf(10, 6)).toBe(6);
    expect(CommentaryRateLimit.limitOf(3, 6)).toBe(3);
  });

  it('drops past the limit and counts each drop by kind', async () => {
    const registry = new Registry();
    const limit = new CommentaryRateLimit(registry);
    expect(limit.allow('u1', 'wall-cross', 1, 0)).toBe(true);
    expect(limit.allow('u1', 'wall-cross', 1, 10)).toBe(false);
    expect(limit.allow('u1', 'coherence', 1, 20)).toBe(false);
    const metric = await registry.getSingleMetricAsString('copilot_commentary_dropped_total');
    expect(metric).toContain('copilot_commentary_dropped_total{kind="wall-cross"} 1');
    expect(metric).toContain('copilot_commentary_dropped_total{kind="coherence"} 1');
  });
});
