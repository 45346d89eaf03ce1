import { describe, expect, it } from 'vitest';
import { cellTone, nearestIndex, tableMoney } from './pnl-cells';

describe('cellTone', () => {
  it('colours profit and loss in four strengths relative to the largest cell', () => {
    expect(cellTone(1000, 1000)).toBe('rg-cell-up-4');
    expect(cellTone(260, 1000)).toBe('rg-cell-up-2');
    expect(cellTone(-10, 1000)).toBe('rg-cell-down-1');
    expect(cellTone(-750, 1000)).toBe('rg-cell-down-3');
  });

  it('leaves a cell under a cent, or an empty table, flat', () => {
    expect(cellTone(0.004, 1000)).toBe('rg-cell-flat');
    expect(cellTone(5, 0)).toBe('rg-cell-flat');
    expect(cellTone(Number.NaN, 10)).toBe('rg-cell-flat');
  });
});

describe('nearestIndex', () => {
  it('finds the price row nearest spot', () => {
    expect(nearestIndex([4990, 4995, 5000, 5005], 5003.5)).toBe(3);
    expect(nearestIndex([], 5000)).toBe(-1);
  });
});

describe('tableMoney', () => {
  it('prints whole signed dollars with a true minus', () => {
    expect(tableMoney(1234.4)).toBe('+1,234');
    expect(tableMoney(-470)).toBe('−470');
    expect(tableMoney(0.3)).toBe('0');
  });
});
