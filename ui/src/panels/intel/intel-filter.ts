import type { IntelItem } from '../../stores/workspace-stores';

/**
 * Items whose title, source or tickers hold every word of `query` (case-insensitive; `$SPX`
 * matches the ticker SPX). An empty query keeps every item, in the same array.
 */
export function filterIntel(items: readonly IntelItem[], query: string): readonly IntelItem[] {
  const terms = query
    .toLowerCase()
    .split(/\s+/)
    .map((t) => t.replace(/^\$/, ''))
    .filter((t) => t !== '');
  if (terms.length === 0) return items;
  return items.filter((item) => {
    const haystack = `${item.title}\n${item.source}\n${(item.tickers ?? []).join(' ')}`.toLowerCase();
    return terms.every((t) => haystack.includes(t));
  });
}
