import { describe, expect, it } from 'vitest';
import { cellLabel, formatCellValue, strikesLabel, tradeName, tradeTitle, widthLabel } from './heatmap-format';
import { testTile } from './testing/test-tile';

describe(cellLabel.name, () => {
  it('says what the button does to which trade at what price', () => {
    expect(cellLabel('SPX', testTile('butterfly-call', 0, 10, 5005, 2.4))).toBe('Try butterfly call 5005 ±10, debit 2.40');
  });

  it('calls an iron fly a credit', () => {
    expect(cellLabel('SPX', testTile('iron-fly', 0, 20, 5005, -14.2))).toBe('Try iron fly 5005 ±20, credit 14.20');
  });
});

describe(tradeTitle.name, () => {
  it('names a broken-wing fly by its three strikes, the far wing last', () => {
    expect(tradeTitle(testTile('bwb-call', 0, 10, 5010, 1.2, { wing: 20 }))).toBe('broken-wing fly call 5000/5010/5030');
    expect(tradeTitle(testTile('bwb-put', 0, 10, 5010, 1.2, { wing: 20 }))).toBe('broken-wing fly put 5020/5010/4990');
  });

  it('names vertical strikes in trade order and a single by its strike', () => {
    expect(strikesLabel(testTile('vertical-call', 0, 10, 5010, 4))).toBe('5010/5020');
    expect(strikesLabel(testTile('vertical-put', 0, 10, 5010, 4))).toBe('5010/5000');
    expect(tradeName(testTile('single-put', 2, 0, 5010, 12.5))).toBe('single put 5010, 2DTE');
  });
});

describe(formatCellValue.name, () => {
  it('shows the price at the tick, a credit with cr, and reward/risk with two decimals', () => {
    expect(formatCellValue('SPX', testTile('butterfly-call', 0, 10, 5010, 2.35), 'debit')).toBe('2.35');
    expect(formatCellValue('SPX', testTile('iron-fly', 0, 20, 5005, -14.2), 'debit')).toBe('cr 14.20');
    expect(formatCellValue('SPX', testTile('butterfly-call', 0, 10, 5010, 2.5), 'rewardRisk')).toBe('3.00');
    expect(formatCellValue('SPX', testTile('single-call', 0, 0, 5010, 12.5), 'rewardRisk')).toBe('—');
  });
});

describe(widthLabel.name, () => {
  it('heads each family’s columns', () => {
    expect(widthLabel('butterfly', 10)).toBe('±10');
    expect(widthLabel('iron-fly', 25)).toBe('±25');
    expect(widthLabel('vertical', 5)).toBe('5w');
    expect(widthLabel('single', 0)).toBe('long');
  });
});
