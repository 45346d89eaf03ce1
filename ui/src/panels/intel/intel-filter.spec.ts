import { describe, expect, it } from 'vitest';
import type { IntelItem } from '../../stores/workspace-stores';
import { filterIntel } from './intel-filter';

const item = (id: string, title: string, source: string, tickers: string[] = []): IntelItem => ({ id, title, source, tickers, ts: 0 });

const items = [
  item('1', 'Fed holds rates steady', 'Reuters', ['SPX']),
  item('2', 'Chip stocks slide', 'Bloomberg', ['NDX', 'NVDA']),
  item('3', 'Oil jumps on supply worries', 'MarketWatch'),
];

describe(filterIntel.name, () => {
  it('keeps every item (the same array) for an empty query', () => {
    expect(filterIntel(items, '')).toBe(items);
    expect(filterIntel(items, '   ')).toBe(items);
  });

  it('matches title, source and tickers, case-insensitively', () => {
    expect(filterIntel(items, 'FED').map((i) => i.id)).toEqual(['1']);
    expect(filterIntel(items, 'bloomberg').map((i) => i.id)).toEqual(['2']);
    expect(filterIntel(items, 'nvda').map((i) => i.id)).toEqual(['2']);
    expect(filterIntel(items, '$spx').map((i) => i.id)).toEqual(['1']);
  });

  it('needs every word to match', () => {
    expect(filterIntel(items, 'stocks ndx').map((i) => i.id)).toEqual(['2']);
    expect(filterIntel(items, 'stocks spx')).toEqual([]);
  });
});
