import type { HeatmapTile } from '@marketswarm/shared/models';
import { describe, expect, it } from 'vitest';
import { atmCell, buildLayout, cellKey, familyHasSide, firstCell, isGridKey, moveFocus, nearestStrikeIndex, strategyOf, type GridPos } from './heatmap-layout';
import { normalise } from './heatmap-colour';
import { testTile } from './testing/test-tile';

const tile = testTile;

const tiles: HeatmapTile[] = [
  tile('butterfly-call', 0, 10, 5000, 3),
  tile('butterfly-call', 0, 10, 5010, 2.35),
  tile('butterfly-call', 0, 20, 5010, 6),
  tile('butterfly-call', 0, 5, 4990, 1),
  tile('butterfly-call', 1, 10, 5020, 4),
  tile('butterfly-put', 0, 10, 5000, 3.1),
  tile('single-call', 0, 0, 5000, 12),
  tile('single-call', 0, 0, 5010, 8),
  tile('iron-fly', 0, 20, 5000, -14.2),
  tile('iron-fly', 0, 25, 5000, -16.4),
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
    // Four debits 1, 2.35, 3, 6: the 5th and 95th percentiles, inside the fences.
    expect(layout.domains.debit?.min).toBeCloseTo(1.2025, 9);
    expect(layout.domains.debit?.max).toBeCloseTo(5.55, 9);
    expect(layout.domains.rewardRisk?.min).toBeLessThan(layout.domains.rewardRisk?.max ?? 0);
  });

  it('shows the iron flies whichever side is picked, their credits as negative debits', () => {
    for (const side of ['call', 'put'] as const) {
      const layout = buildLayout(tiles, { family: 'iron-fly', side, dte: undefined });
      expect(layout.strategy).toBe('iron-fly');
      expect(layout.widths).toEqual([20, 25]);
      expect(layout.domains.debit?.max).toBeLessThan(0);
    }
  });

  it('keeps a few far-out-of-the-money tiles from washing out the reward/risk colours', () => {
    // Thirty flies with reward/risk 1…4 and three far wings at 40, 60 and 80.
    const flies = Array.from({ length: 33 }, (_, i) => {
      const debit = i < 30 ? 10 / (2 + i * 0.1) : [0.24, 0.16, 0.12][i - 30]!;
      return tile('butterfly-call', 0, 10, 4900 + i * 5, Math.round(debit * 100) / 100);
    });
    const domain = buildLayout(flies, { family: 'butterfly', side: 'call', dte: 0 }).domains.rewardRisk!;
    // The ordinary flies (1 to 3.9) span about 60 % of the colour scale, up to the Tukey fence at
    // about 8.8; a 5th–95th percentile clip alone would end at 40 and leave them under 40 %.
    const spread = normalise(flies[29]!.rewardRisk!, domain, 'rewardRisk') - normalise(flies[0]!.rewardRisk!, domain, 'rewardRisk');
    expect(spread).toBeGreaterThan(0.55);
    expect(domain.max).toBeLessThan(10);
    expect(normalise(40, domain, 'rewardRisk')).toBe(1);
  });

  it('names strategies, and the iron fly has no side', () => {
    expect(strategyOf('vertical', 'put')).toBe('vertical-put');
    expect(strategyOf('bwb', 'call')).toBe('bwb-call');
    expect(strategyOf('iron-fly', 'put')).toBe('iron-fly');
    expect(familyHasSide('iron-fly')).toBe(false);
    expect(familyHasSide('bwb')).toBe(true);
  });
});

describe(atmCell.name, () => {
  const at = (row: number, col: number): GridPos => ({ row, col });

  it('starts on the at-the-money row’s first cell', () => {
    expect(atmCell(5, 3, 2, () => true)).toEqual(at(2, 0));
    expect(atmCell(5, 3, 2, ({ col }) => col > 0)).toEqual(at(2, 1));
  });

  it('takes the nearest row with a cell when the money row is all holes', () => {
    expect(atmCell(5, 3, 2, ({ row }) => row === 4 || row === 1)).toEqual(at(1, 0));
    expect(atmCell(5, 3, 2, ({ row }) => row === 4)).toEqual(at(4, 0));
  });

  it('falls back to the first cell without a spot, and to nothing in an empty grid', () => {
    expect(atmCell(5, 3, -1, ({ row }) => row >= 3)).toEqual(at(3, 0));
    expect(atmCell(5, 3, 2, () => false)).toBeUndefined();
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
