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

  it('lists the call fly and the put fly at one strike as one idea, the better scored', () => {
    const ranked = rankIdeas([
      { tile: 'butterfly-call:0:10:5005', score: 2 },
      { tile: 'butterfly-put:0:10:5005', score: 2.5 },
      { tile: 'butterfly-put:0:10:5010', score: 1 },
      { tile: 'butterfly-put:1:10:5005', score: 1.5 },
    ]);
    expect(ranked.map((i) => i.tile)).toEqual(['butterfly-put:0:10:5005', 'butterfly-put:1:10:5005', 'butterfly-put:0:10:5010']);
  });

  it('is empty without ideas', () => {
    expect(rankIdeas(undefined)).toEqual([]);
    expect(rankIdeas([])).toEqual([]);
  });
});
