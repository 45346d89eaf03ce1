import { describe, expect, it } from 'vitest';
import { clamp, linearScale, niceStep, ticksAround, ticksWithin } from './scale';

describe(linearScale.name, () => {
  it('maps the domain onto the range, also reversed', () => {
    const x = linearScale([-100, 100], [0, 200]);
    expect(x(0)).toBe(100);
    expect(x(-100)).toBe(0);
    expect(x(150)).toBe(250);
    expect(linearScale([0, 10], [100, 0])(2.5)).toBe(75);
  });

  it("maps a zero-width domain to the range's middle", () => {
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
    expect(linearScale([5, 5], [0, 10])(99)).toBe(5);
  });
});

describe(clamp.name, () => {
  it('limits a value to the interval and turns NaN into the lower end', () => {
    expect(clamp(5, 0, 10)).toBe(5);
    expect(clamp(-1, 0, 10)).toBe(0);
    expect(clamp(Infinity, 0, 10)).toBe(10);
    expect(clamp(-Infinity, 0, 10)).toBe(0);
    expect(clamp(NaN, 0, 10)).toBe(0);
  });
});

describe(niceStep.name, () => {
  it('picks the 1-2-5 step nearest span / target on a log scale', () => {
    expect(niceStep(100, 5)).toBe(20); // 20 exactly
    expect(niceStep(404, 4)).toBe(100); // 101 → 100
    expect(niceStep(1000, 5)).toBe(200);
    expect(niceStep(7.3e9, 5)).toBe(2e9); // 1.46e9: above √2 × 1e9
    expect(niceStep(1.55e9, 4)).toBe(5e8); // 3.875e8: above √10 × 1e8
    expect(niceStep(0.3, 3)).toBe(0.1);
    expect(niceStep(80, 1)).toBe(100); // 80: above √50 × 10
  });

  it('falls back to 1 for an empty or broken span', () => {
    expect(niceStep(0)).toBe(1);
    expect(niceStep(-3)).toBe(1);
    expect(niceStep(NaN)).toBe(1);
    expect(niceStep(Infinity)).toBe(1);
  });
});

describe(ticksWithin.name, () => {
  it('gives the round values inside the range', () => {
    expect(ticksWithin(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticksWithin(4803, 5207, 4)).toEqual([4900, 5000, 5100, 5200]);
    expect(ticksWithin(-235, 765, 5)).toEqual([-200, 0, 200, 400, 600]);
    expect(ticksWithin(765, -235, 5)).toEqual([-200, 0, 200, 400, 600]);
  });

  it('lands exactly on decimal steps and on zero', () => {
    expect(ticksWithin(-0.25, 0.25, 5)).toEqual([-0.2, -0.1, 0, 0.1, 0.2]);
    expect(Object.is(ticksWithin(-0.25, 0.25, 5)[2], 0)).toBe(true);
  });

  it('gives one tick for a single value and none for a broken range', () => {
    expect(ticksWithin(3, 3)).toEqual([3]);
    expect(ticksWithin(NaN, 3)).toEqual([]);
    expect(ticksWithin(0, 3, 0)).toEqual([]);
  });
});

describe(ticksAround.name, () => {
  it('pads the range out to whole steps, through zero', () => {
    expect(ticksAround(-3.5e8, 1.2e9, 4)).toEqual([-5e8, 0, 5e8, 1e9, 1.5e9]);
    expect(ticksAround(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(ticksAround(4803, 5207, 4)).toEqual([4800, 4900, 5000, 5100, 5200, 5300]);
  });

  it('still makes a domain when every value is zero or the same', () => {
    expect(ticksAround(0, 0)).toEqual([-1, 0, 1]);
    expect(ticksAround(5, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticksAround(-5, -5)).toEqual([-10, -8, -6, -4, -2, 0]);
  });
});
