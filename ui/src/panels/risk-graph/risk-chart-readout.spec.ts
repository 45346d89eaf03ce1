import { describe, expect, it } from 'vitest';
import { dateStyles, orderCurves, placeReadout, readoutRows, readoutSize, valueAt, READOUT_GAP } from './risk-chart-readout';

describe('valueAt', () => {
  const spots = [4990, 5000, 5010];
  const fly = [-235, 765, -235];

  it('is exact at a sample and linear between two', () => {
    expect(valueAt(spots, fly, 5000)).toBe(765);
    // A quarter of the way from 5000 to 5010: 765 − 0.25 × 1000.
    expect(valueAt(spots, fly, 5002.5)).toBe(515);
    expect(valueAt(spots, fly, 4990)).toBe(-235);
    expect(valueAt(spots, fly, 5010)).toBe(-235);
  });

  it('is undefined outside the samples or next to a missing value', () => {
    expect(valueAt(spots, fly, 4989.99)).toBeUndefined();
    expect(valueAt(spots, fly, 5010.01)).toBeUndefined();
    expect(valueAt(spots, [0, NaN, 0], 5005)).toBeUndefined();
    expect(valueAt([], [], 1)).toBeUndefined();
  });
});

describe('readoutRows', () => {
  it('lists expiry first, the dates in order, today last, each at the price', () => {
    const spots = [0, 10];
    const rows = readoutRows(
      spots,
      [
        { id: 't', label: 'Today', kind: 'today', values: [0, 10] },
        { id: 'd2', label: 'Dec 8', kind: 'date', values: [0, 30] },
        { id: 'e', label: 'Expiry', kind: 'expiry', values: [0, 100] },
        { id: 'd1', label: 'Dec 7', kind: 'date', values: [0, 20] },
      ],
      5,
    );
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['Expiry', 50],
      ['Dec 8', 15],
      ['Dec 7', 10],
      ['Today', 5],
    ]);
  });
});

describe('curve order and date styles', () => {
  const curves = [
    { id: 't', kind: 'today' as const },
    { id: 'a', kind: 'date' as const },
    { id: 'e', kind: 'expiry' as const },
    { id: 'b', kind: 'date' as const },
    { id: 'c', kind: 'date' as const },
    { id: 'd', kind: 'date' as const },
  ];

  it('reads expiry, then the dates as given, then today', () => {
    expect(orderCurves(curves).map((c) => c.id)).toEqual(['e', 'a', 'b', 'c', 'd', 't']);
  });

  it('numbers the dates in turn and wraps after the last style', () => {
    expect([...dateStyles(curves, 3)]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 0],
    ]);
  });
});

describe('placeReadout', () => {
  const frame = { left: 50, top: 30, width: 500, height: 240 };
  const size = { width: 180, height: 80 };

  it('sits to the right of the crosshair, centred on the pointer', () => {
    expect(placeReadout(100, 100, size, frame)).toEqual({ left: 100 + READOUT_GAP, top: 60 });
  });

  it('flips to the left near the right edge', () => {
    expect(placeReadout(500, 100, size, frame)).toEqual({ left: 500 - READOUT_GAP - 180, top: 60 });
  });

  it('stays inside the frame at every corner', () => {
    for (const [x, y] of [
      [50, 30],
      [550, 270],
      [300, undefined],
      [60, 0],
    ] as const) {
      const at = placeReadout(x, y, size, frame);
      expect(at.left).toBeGreaterThanOrEqual(frame.left);
      expect(at.left + size.width).toBeLessThanOrEqual(frame.left + frame.width);
      expect(at.top).toBeGreaterThanOrEqual(frame.top);
      expect(at.top + size.height).toBeLessThanOrEqual(frame.top + frame.height);
    }
  });

  it('pins a box larger than the frame to its top-left corner', () => {
    expect(placeReadout(300, 100, { width: 900, height: 900 }, frame)).toEqual({ left: 50, top: 30 });
  });

  it('grows a row per curve', () => {
    expect(readoutSize(3).height - readoutSize(2).height).toBe(16);
  });
});
