import { makeTile, type HeatmapTile, type TileStrategy } from '@marketswarm/shared/models';
import { describe, expect, it } from 'vitest';
import { describeTile, formatCellValue, strikesLabel, widthLabel } from './heatmap-format';

function tile(strategy: TileStrategy, width: number, strike: number, debit: number): HeatmapTile {
  const t = makeTile(strategy, 0, width, strike, debit, Date.UTC(2026, 0, 2, 21));
  if (t === undefined) throw new Error('bad test tile');
  return t;
}

describe('describeTile', () => {
  it('describes a butterfly with its debit, max profit and R/R', () => {
    expect(describeTile('SPX', tile('butterfly-call', 10, 5010, 2.35))).toBe('SPX butterfly call 5010 ±10, 0DTE: debit 2.35, max profit 7.65, R/R 3.26');
  });

  it('says when the profit is unlimited', () => {
    expect(describeTile('SPX', tile('single-call', 0, 5010, 12.5))).toBe('SPX single call 5010, 0DTE: debit 12.50, max profit unlimited, R/R n/a');
  });

  it('names vertical strikes in trade order', () => {
    expect(strikesLabel(tile('vertical-call', 10, 5010, 4))).toBe('5010/5020');
    expect(strikesLabel(tile('vertical-put', 10, 5010, 4))).toBe('5010/5000');
  });
});

describe('formatCellValue', () => {
  it('shows two decimals or a dash', () => {
    const t = tile('single-call', 0, 5010, 12.5);
    expect(formatCellValue(t, 'debit')).toBe('12.50');
    expect(formatCellValue(t, 'rewardRisk')).toBe('—');
    expect(widthLabel('butterfly', 10)).toBe('±10');
    expect(widthLabel('single', 0)).toBe('long');
  });
});
