import { describe, expect, it } from 'vitest';
import { layoutModeFor, NARROW_QUERY } from './layout-mode';

/** A matchMedia that answers for a viewport of this width, the way a browser evaluates max-width. */
const screenOf = (width: number) => (query: string) => {
  const max = /max-width:\s*([\d.]+)px/.exec(query);
  return { matches: max !== null && width <= Number(max[1]) };
};

describe('layoutModeFor', () => {
  it('shows one panel at a time behind tabs on a phone and a small tablet', () => {
    expect(layoutModeFor(screenOf(390))).toBe('tabs');
    expect(layoutModeFor(screenOf(899))).toBe('tabs');
  });

  it('shows the resizable grid from 900 px up', () => {
    expect(layoutModeFor(screenOf(900))).toBe('grid');
    expect(layoutModeFor(screenOf(1280))).toBe('grid');
    expect(layoutModeFor(screenOf(1600))).toBe('grid');
  });

  it('asks the narrow query and falls back to the grid without matchMedia', () => {
    const asked: string[] = [];
    layoutModeFor((q) => (asked.push(q), { matches: false }));
    expect(asked).toEqual([NARROW_QUERY]);
    expect(layoutModeFor(undefined)).toBe('grid');
  });
});
