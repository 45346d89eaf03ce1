import { describe, expect, it } from 'vitest';
import { columnChart, rowChart } from './bar-geometry';

const PAD = { top: 10, right: 10, bottom: 20, left: 40 };
const data = [
  { key: 'a', label: 'A', value: 100 },
  { key: 'b', label: 'B', value: -50 },
  { key: 'c', label: 'C', value: 0 },
  { key: 'd', label: 'D', value: 40 },
];

describe(columnChart.name, () => {
  // 450 × 230 with the padding: plot x 40…440 (400 wide), y 10…210 (200 high).
  const g = columnChart(data, 450, 230, PAD, 0.2);

  it('spans round ticks around the values and zero', () => {
    expect(g.ticks.map((t) => t.value)).toEqual([-50, 0, 50, 100]);
    expect(g.plot).toEqual({ x: 40, y: 10, width: 400, height: 200 });
  });

  it('draws each value up or down from the zero line, in equal slots', () => {
    // Domain −50…100 over 200 px: 4/3 px per dollar; zero at 210 − 50 × 4/3 = 143.33.
    expect(g.zero).toBeCloseTo(143.333, 3);
    const [a, b, c, d] = g.bars;
    // Slots of 100 px, bars 80 px centred in them.
    expect([a!.x, a!.width]).toEqual([50, 80]);
    expect(b!.x).toBe(150);
    expect(a!.y).toBeCloseTo(10, 6);
    expect(a!.height).toBeCloseTo(133.333, 3);
    expect(b!.y).toBeCloseTo(143.333, 3);
    expect(b!.height).toBeCloseTo(66.667, 3);
    expect(b!.negative).toBe(true);
    expect(c!.height).toBe(0);
    expect(d!.y + d!.height).toBeCloseTo(g.zero, 6);
  });

  it('has no bars and no ticks without data', () => {
    expect(columnChart([], 450, 230, PAD)).toMatchObject({ bars: [], ticks: [] });
  });

  it('keeps a chart of only losses hanging from zero at the top', () => {
    const losses = columnChart([{ key: 'x', label: 'x', value: -30 }], 450, 230, PAD);
    expect(losses.ticks.at(-1)!.value).toBe(0);
    expect(losses.zero).toBe(10);
    expect(losses.bars[0]!.y).toBe(10);
  });
});

describe(rowChart.name, () => {
  it('grows with its rows and draws bars left or right of zero', () => {
    const g = rowChart(data, 450, 20, PAD, 0.25);
    expect(g.height).toBe(10 + 20 + 4 * 20);
    // Plot x 40…440 for −50…100: 8/3 px per dollar, zero at 40 + 50 × 8/3 = 173.33.
    expect(g.zero).toBeCloseTo(173.333, 3);
    const [a, b] = g.bars;
    expect(a!.x).toBeCloseTo(173.333, 3);
    expect(a!.width).toBeCloseTo(266.667, 3);
    expect(b!.x).toBeCloseTo(40, 6);
    expect(b!.width).toBeCloseTo(133.333, 3);
    // Rows of 20 px, bars 15 px centred.
    expect([a!.y, a!.height, b!.y]).toEqual([12.5, 15, 32.5]);
  });
});
