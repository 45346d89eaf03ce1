import { makeTile, type HeatmapTile, type TileStrategy } from '@marketswarm/shared/models';
import { describe, expect, it } from 'vitest';
import { buildLayout, cellKey, firstCell, isGridKey, moveFocus, nearestStrikeIndex, strategyOf, valueDomain, type GridPos } from './heatmap-layout';

const EXPIRY = Date.UTC(2026, 0, 2, 21);

function tile(strategy: TileStrategy, dte: number, width: number, strike: number, debit: number): HeatmapTile {
  const t = makeTile(strategy, dte, width, strike, debit, EXPIRY);
  if (t === undefined) throw new Error('bad test tile');
  return t;
}

const tiles: HeatmapTile[] = [
  tile('butterfly-call', 0, 10, 5000, 3),
  tile('butterfly-call', 0, 10, 5010, 2.35),
  tile('butterfly-call', 0, 20, 5010, 6),
  tile('butterfly-call', 0, 5, 4990, 1),
  tile('butterfly-call', 1, 10, 5020, 4),
  tile('butterfly-put', 0, 10, 5000, 3.1),
  tile('single-call', 0, 0, 5000, 12),
  tile('single-call', 0, 0, 5010, 8),
];

describe('buildLayout', () => {
  it('keeps the family, side and nearest DTE: strikes descending, widths ascending', () => {
    const layout = buildLayout(tiles, { family: 'butterfly', side: 'call', dte: undefined });
    expect(layout.strategy).toBe('butterfly-call');
    expect(layout.dtes).toEqual([0, 1]);
    expect(layout.dte).toBe(0);
    expect(layout.strikes).toEqual([5010, 5000, 4990]);
    expect(layout.widths).toEqual([5, 10, 20]);
    expect(layout.keys.has('butterfly-call:0:10:5010')).toBe(true);
    expect(layout.keys.has('butterfly-call:0:5:5010')).toBe(false); // a hole
  });

  it('uses the chosen DTE when present and falls back when it is not', () => {
    expect(buildLayout(tiles, { family: 'butterfly', side: 'call', dte: 1 }).strikes).toEqual([5020]);
    expect(buildLayout(tiles, { family: 'butterfly', side: 'call', dte: 7 }).dte).toBe(0);
  });

  it('gives single options their one width-0 column', () => {
    const layout = buildLayout(tiles, { family: 'single', side: 'call', dte: undefined });
    expect(layout.widths).toEqual([0]);
    expect(layout.strikes).toEqual([5010, 5000]);
    expect(cellKey(layout, 5010, 0)).toBe('single-call:0:0:5010');
  });

  it('is empty (no DTE) when nothing matches', () => {
    const layout = buildLayout(tiles, { family: 'vertical', side: 'put', dte: undefined });
    expect(layout.dte).toBeUndefined();
    expect(layout.strikes).toEqual([]);
    expect(layout.domains.debit).toBeUndefined();
  });

  it('computes the colour domains of the tiles in view', () => {
    const layout = buildLayout(tiles, { family: 'butterfly', side: 'call', dte: 0 });
    expect(layout.domains.debit).toEqual({ min: 1, max: 6 });
    expect(layout.domains.rewardRisk?.min).toBeLessThan(layout.domains.rewardRisk?.max ?? 0);
  });

  it('names strategies', () => {
    expect(strategyOf('vertical', 'put')).toBe('vertical-put');
  });
});

describe('valueDomain', () => {
  it('trims outliers to the 5th–95th percentile', () => {
    const values = [...Array.from({ length: 98 }, (_, i) => i + 1), 10_000, -10_000];
    const d = valueDomain(values);
    expect(d?.min).toBeGreaterThan(0);
    expect(d?.max).toBeLessThan(100);
  });

  it('ignores non-finite values', () => {
    expect(valueDomain([NaN, Infinity])).toBeUndefined();
    expect(valueDomain([2])).toEqual({ min: 2, max: 2 });
  });
});

describe('nearestStrikeIndex', () => {
  it('finds the row nearest the spot', () => {
    expect(nearestStrikeIndex([5020, 5010, 5000], 5012.4)).toBe(1);
    expect(nearestStrikeIndex([5020, 5010, 5000], 4000)).toBe(2);
    expect(nearestStrikeIndex([5020, 5010, 5000], undefined)).toBe(-1);
    expect(nearestStrikeIndex([], 5000)).toBe(-1);
  });
});

describe('moveFocus', () => {
  // 3 × 3 with a hole at (1, 1)
  const has = ({ row, col }: GridPos) => !(row === 1 && col === 1);
  const at = (row: number, col: number): GridPos => ({ row, col });

  it('moves one cell per arrow and stays at the edges', () => {
    expect(moveFocus(at(0, 0), 'ArrowDown', 3, 3, has)).toEqual(at(1, 0));
    expect(moveFocus(at(0, 0), 'ArrowRight', 3, 3, has)).toEqual(at(0, 1));
    expect(moveFocus(at(0, 0), 'ArrowUp', 3, 3, has)).toEqual(at(0, 0));
    expect(moveFocus(at(2, 2), 'ArrowRight', 3, 3, has)).toEqual(at(2, 2));
  });

  it('skips holes', () => {
    expect(moveFocus(at(0, 1), 'ArrowDown', 3, 3, has)).toEqual(at(2, 1));
    expect(moveFocus(at(1, 0), 'ArrowRight', 3, 3, has)).toEqual(at(1, 2));
  });

  it('jumps with Home, End and the page keys', () => {
    expect(moveFocus(at(1, 2), 'Home', 3, 3, has)).toEqual(at(1, 0));
    expect(moveFocus(at(1, 0), 'End', 3, 3, has)).toEqual(at(1, 2));
    expect(moveFocus(at(0, 0), 'PageDown', 30, 3, () => true)).toEqual(at(10, 0));
    expect(moveFocus(at(5, 0), 'PageUp', 30, 3, () => true)).toEqual(at(0, 0));
  });

  it('recognises grid keys and finds the first cell', () => {
    expect(isGridKey('ArrowLeft')).toBe(true);
    expect(isGridKey('Enter')).toBe(false);
    expect(firstCell(2, 2, ({ row, col }) => row === 1 && col === 1)).toEqual(at(1, 1));
    expect(firstCell(2, 2, () => false)).toBeUndefined();
  });
});
