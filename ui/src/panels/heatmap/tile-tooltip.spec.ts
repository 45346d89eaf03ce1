import { describe, expect, it } from 'vitest';
import { testTile } from './testing/test-tile';
import { tooltipRows, tooltipTitle } from './tile-tooltip';

const text = (rows: { label: string; value: string }[]): string[] => rows.map((r) => `${r.label}: ${r.value}`);

describe(tooltipRows.name, () => {
  it('sets a fly’s market mid against theo and the natural bid/ask, then what it can make and lose', () => {
    // 10-wide fly at 2.40: it makes 10 − 2.40 = 7.60 ($760) and loses 2.40 ($240); 7.60 / 2.40 = 3.17.
    const fly = testTile('butterfly-call', 0, 10, 5005, 2.4, { theo: 2.31, bid: 2.1, ask: 2.7, iv: 0.142 });
    expect(text(tooltipRows('SPX', fly))).toEqual([
      'Mid (debit): 2.40',
      'Theo: 2.31 · mid 0.09 worse than theo',
      'Bid / ask: 2.10 / 2.70',
      'Max profit: 7.60 ($760)',
      'Max loss: 2.40 ($240)',
      'Reward/risk: 3.17',
      'IV: 14.2 %',
    ]);
  });

  it('shows an iron fly as a credit, better than theo when it receives more', () => {
    // Sold for 14.20 on 20-wide wings: it makes 14.20 and loses 20 − 14.20 = 5.80.
    const ironFly = testTile('iron-fly', 0, 20, 5005, -14.2, { theo: -14.05, bid: -14.6, ask: -13.8 });
    expect(text(tooltipRows('SPX', ironFly))).toEqual([
      'Mid (credit): cr 14.20',
      'Theo: cr 14.05 · mid 0.15 better than theo',
      'Bid / ask: cr 14.60 / cr 13.80',
      'Max profit: 14.20 ($1,420)',
      'Max loss: 5.80 ($580)',
      'Reward/risk: 2.45',
    ]);
  });

  it('says unlimited and ∞ for a long call, and leaves out what the producer did not send', () => {
    const call = testTile('single-call', 0, 0, 5010, 12.5);
    expect(text(tooltipRows('SPX', call))).toEqual(['Mid (debit): 12.50', 'Max profit: unlimited', 'Max loss: 12.50 ($1,250)', 'Reward/risk: ∞']);
  });

  it('heads the tooltip with the symbol and trade', () => {
    expect(tooltipTitle('SPX', testTile('butterfly-put', 1, 10, 5005, 2.4))).toBe('SPX butterfly put 5005 ±10, 1DTE');
  });
});
