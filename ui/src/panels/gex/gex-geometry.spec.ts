import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  gexExtent,
  gexLayout,
  nearestWindow,
  priceToY,
  spreadLabels,
  toGexView,
  type GexRow,
} from './gex-geometry';

const row = (strike: number, call: number, put: number): GexRow => ({ strike, call, put, net: call + put });
const ladder = (from: number, to: number, step: number) => {
  const rows: GexRow[] = [];
  for (let s = from; s <= to; s += step) rows.push(row(s, 1e8, -5e7));
  return rows;
};
const ALL = { calls: true, puts: true, net: true };

describe(toGexView.name, () => {
  it('sorts strikes, computes net when absent and reads the optional levels', () => {
    const view = toGexView({
      symbol: 'SPX',
      spot: 6005,
      strikes: [
        { strike: 6010, call: 3e8, put: -1e8, net: 2.5e8 },
        { strike: 6000, call: 2e8, put: -4e8 },
      ],
      total: 1.23e9,
      callWall: 6010,
      putWall: 6000,
      flip: 6004.5,
    });
    expect(view.rows).toEqual([
      { strike: 6000, call: 2e8, put: -4e8, net: -2e8 },
      { strike: 6010, call: 3e8, put: -1e8, net: 2.5e8 },
    ]);
    expect(view).toMatchObject({ spot: 6005, total: 1.23e9, callWall: 6010, putWall: 6000, flip: 6004.5 });
  });

  it('ignores a level that is not a finite number and sums the total itself', () => {
    const view = toGexView({ symbol: 'SPX', strikes: [row(100, 5, -2), row(105, 1, -7)], flip: Number.NaN });
    expect(view).toMatchObject({ spot: undefined, total: -3, callWall: undefined, putWall: undefined, flip: undefined });
  });
});

describe(nearestWindow.name, () => {
  const rows = ladder(5900, 6100, 5); // 41 strikes

  it('takes the strikes nearest the centre, contiguous and ascending', () => {
    const w = nearestWindow(rows, 6002, 5).map((r) => r.strike);
    expect(w).toEqual([5990, 5995, 6000, 6005, 6010]);
  });

  it('slides against the ends of the chain', () => {
    expect(nearestWindow(rows, 5000, 3).map((r) => r.strike)).toEqual([5900, 5905, 5910]);
    expect(nearestWindow(rows, 9000, 3).map((r) => r.strike)).toEqual([6090, 6095, 6100]);
  });

  it('returns every strike when the chain is smaller than the window, and the middle without a centre', () => {
    expect(nearestWindow(rows, 6000, 100)).toHaveLength(41);
    expect(nearestWindow(rows, undefined, 3).map((r) => r.strike)).toEqual([5995, 6000, 6005]);
    expect(nearestWindow([], 6000, 3)).toEqual([]);
  });
});

describe(formatCompact.name, () => {
  it('writes dollar gamma in K/M/B/T with a true minus', () => {
    expect(formatCompact(1.2e9)).toBe('1.2B');
    expect(formatCompact(-3.5e8)).toBe('\u2212350M');
    expect(formatCompact(2e9)).toBe('2B');
    expect(formatCompact(12_345)).toBe('12K');
    expect(formatCompact(4.56e12)).toBe('4.6T');
    expect(formatCompact(0)).toBe('0');
    expect(formatCompact(-42)).toBe('\u221242');
  });

  it('carries to the next unit instead of writing 1000M', () => {
    expect(formatCompact(999.7e6)).toBe('1B');
    expect(formatCompact(999_999)).toBe('1M');
  });
});

describe(gexExtent.name, () => {
  const rows = [row(100, 8, -2), row(105, 1, -9)];
  it('covers the visible series and zero', () => {
    expect(gexExtent(rows, ALL)).toEqual([-9, 8]);
    expect(gexExtent(rows, { calls: true, puts: false, net: false })).toEqual([0, 8]);
    expect(gexExtent(rows, { calls: false, puts: false, net: true })).toEqual([-8, 6]);
  });
});

describe(priceToY.name, () => {
  it('interpolates between the strikes around the price and is undefined outside', () => {
    const strikes = [100, 110, 120];
    const ys = [90, 50, 10];
    expect(priceToY(105, strikes, ys)).toBe(70);
    expect(priceToY(120, strikes, ys)).toBe(10);
    expect(priceToY(99, strikes, ys)).toBeUndefined();
    expect(priceToY(121, strikes, ys)).toBeUndefined();
  });
});

describe(spreadLabels.name, () => {
  it('keeps labels at least a gap apart, in the input order', () => {
    expect(spreadLabels([50, 52, 200], 10, 0, 300)).toEqual([50, 60, 200]);
    expect(spreadLabels([52, 50], 10, 0, 300)).toEqual([60, 50]);
  });

  it('pushes up from the bottom', () => {
    expect(spreadLabels([98, 99], 10, 0, 100)).toEqual([90, 100]);
  });
});

describe(gexLayout.name, () => {
  const rows = [row(100, 4e8, -1e8), row(105, 2e8, -6e8), row(110, 1e8, -1e8)];
  const size = { width: 460, height: 330 };
  const margins = { top: 10, right: 60, bottom: 20, left: 40 };
  const levels = { spot: 102.5, callWall: 100, putWall: 105, flip: 101 };
  const layout = gexLayout(rows, levels, ALL, size, margins);

  it('draws the highest strike on top, one band per strike', () => {
    expect(layout.band).toBe(100);
    expect(layout.strikeLabels.map((s) => [s.label, s.y])).toEqual([
      ['100', 260],
      ['105', 160],
      ['110', 60],
    ]);
  });

  it('puts calls right of zero and puts left of it', () => {
    const call = layout.calls[0]!;
    const put = layout.puts[1]!;
    expect(call.x).toBe(layout.zeroX);
    expect(call.width).toBeGreaterThan(0);
    expect(put.x + put.width).toBeCloseTo(layout.zeroX);
    expect(layout.xTicks.map((t) => t.label)).toContain('0');
    expect(layout.xTicks[0]!.x).toBe(40);
    expect(layout.xTicks.at(-1)!.x).toBe(400);
  });

  it('runs the net line top to bottom', () => {
    expect(layout.net.map((p) => p.y)).toEqual([60, 160, 260]);
  });

  it('places spot, flip and the walls at their prices', () => {
    const at = Object.fromEntries(layout.marks.map((m) => [m.kind, m.y]));
    expect(at).toEqual({ spot: 210, flip: 240, 'call-wall': 260, 'put-wall': 160 });
    expect(layout.marks.find((m) => m.kind === 'spot')!.label).toBe('Spot 102.5');
  });

  it('leaves out hidden series and levels outside the window', () => {
    const hidden = gexLayout(rows, { spot: 200, callWall: undefined, putWall: undefined, flip: undefined }, { calls: false, puts: true, net: false }, size, margins);
    expect(hidden.calls).toEqual([]);
    expect(hidden.net).toEqual([]);
    expect(hidden.puts).toHaveLength(3);
    expect(hidden.marks).toEqual([]);
  });

  it('thins strike labels when bands are tighter than a label', () => {
    const many = gexLayout(ladder(5900, 6095, 5), levels, ALL, { width: 400, height: 250 }, margins);
    expect(many.band).toBeCloseTo(5.5);
    expect(many.strikeLabels.length).toBeLessThan(40);
    expect(many.strikeLabels[many.strikeLabels.length - 1]!.label).toBe('6,095');
  });
});
