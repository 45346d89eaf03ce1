import { describe, expect, it } from 'vitest';
import { rankIdeas } from './rank-ideas';

describe(rankIdeas.name, () => {
  it('orders by score, best first, keeping the producer order for ties', () => {
    const ranked = rankIdeas([
      { tile: 'a', score: 1 },
      { tile: 'b', score: 3 },
      { tile: 'c', score: 1 },
      { tile: 'd', score: 2 },
    ]);
    expect(ranked.map((i) => i.tile)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('keeps the best score of a repeated tile and drops broken ideas', () => {
    const ranked = rankIdeas([
      { tile: 'a', score: 1 },
      { tile: 'a', score: 5 },
      { tile: 'b', score: Number.NaN },
      { tile: '', score: 9 },
    ]);
    expect(ranked).toEqual([{ tile: 'a', score: 5 }]);
  });

  it('is empty without ideas', () => {
    expect(rankIdeas(undefined)).toEqual([]);
    expect(rankIdeas([])).toEqual([]);
  });
});
