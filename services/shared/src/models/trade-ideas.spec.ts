import { describe, expect, it } from 'vitest';
import { makeTile, type HeatmapTile, type TileStrategy } from './heatmap.js';
import { explainIdea, MIN_DEBIT_SHARE, pickIdeas, sameTradeKey, scoreIdea } from './trade-ideas.js';

const expiry = Date.UTC(2026, 10, 23, 21);
function tile(strategy: TileStrategy, width: number, strike: number, debit: number, dte = 0, wing?: number): HeatmapTile {
  const t = makeTile(strategy, dte, width, strike, debit, expiry + dte * 86_400_000, undefined, wing === undefined ? {} : { wing });
  if (!t) throw new Error(`no ${strategy} tile`);
  return t;
}

// Spot 4996; 0.4 % of spot is 19.984 points, the distance that discounts a score to e⁻¹.
const SPOT = 4996;
const callFly = tile('butterfly-call', 10, 5000, 2.4); // risk 2.40 to make 7.60: 3.1667
const putFly = tile('butterfly-put', 10, 5000, 2.35); // same strikes, a touch cheaper: 3.2553
const ironFly = tile('iron-fly', 10, 5000, -7.5); // same strikes, sold: 7.50 / 2.50 = 3
const bwbCall = tile('bwb-call', 10, 5000, -0.2, 0, 15);
const bwbPut = tile('bwb-put', 10, 5000, 0.7, 0, 15);

describe(scoreIdea.name, () => {
  it('discounts reward/risk by distance: the 5000 call fly 4 points above spot keeps 81.86 % of its 3.1667', () => {
    expect(scoreIdea(callFly, SPOT)).toEqual({ rewardRisk: 3.1667, distance: 4, decay: 0.8186, score: 2.5923 });
  });

  it('does not discount a trade centred at spot, and signs the distance below spot', () => {
    expect(scoreIdea(callFly, 5000)).toMatchObject({ decay: 1, distance: 0, score: 3.1667 });
    expect(scoreIdea(callFly, 5010)?.distance).toBe(-10);
  });

  it('ranks no singles, and no spread whose debit is under 5 % of its width', () => {
    expect(scoreIdea(tile('single-call', 0, 5000, 20), SPOT)).toBeUndefined();
    expect(scoreIdea(tile('vertical-call', 20, 5200, 0.95), SPOT)).toBeUndefined(); // 0.95 < 20 × 5 %
    expect(scoreIdea(tile('vertical-call', 20, 5000, 20 * MIN_DEBIT_SHARE), SPOT)).toBeDefined();
  });

  it('ranks no iron fly whose risk is under 5 % of its width (a credit of nearly the whole width is a stale quote)', () => {
    expect(scoreIdea(tile('iron-fly', 20, 5100, -19.5), SPOT)).toBeUndefined();
    expect(scoreIdea(ironFly, SPOT)).toMatchObject({ rewardRisk: 3 });
  });
});

describe(explainIdea.name, () => {
  it('says what is risked, what can be made, how far from spot and the score', () => {
    expect(explainIdea(callFly, SPOT)).toBe('Risk 2.40 to make 7.60 (reward/risk 3.2 : 1), centred 4 points above spot, so discounted to 82 %: score 2.59.');
  });

  it('says what a credit trade collects first, and "below" under spot', () => {
    expect(explainIdea(ironFly, 5010)).toBe('Collect 7.50: risk 2.50 to make 7.50 (reward/risk 3.0 : 1), centred 10 points below spot, so discounted to 61 %: score 1.82.');
  });

  it('says when a trade is centred at spot', () => {
    expect(explainIdea(callFly, 5000)).toBe('Risk 2.40 to make 7.60 (reward/risk 3.2 : 1), centred at spot, so not discounted: score 3.17.');
  });

  it('says why a tile is not an idea', () => {
    expect(explainIdea(tile('single-put', 0, 5000, 8), SPOT)).toMatch(/single option has no defined reward\/risk/);
    expect(explainIdea(tile('vertical-call', 20, 5200, 0.5), SPOT)).toBe(
      'Its debit 0.50 is under 5 % of its 20-point width: the price only says the far leg is worth a tick, so it is not ranked.',
    );
  });
});

describe(pickIdeas.name, () => {
  const far = tile('butterfly-call', 10, 5050, 0.8); // 11.5 : 1, but 54 points away
  const tomorrow = tile('butterfly-call', 20, 5000, 5, 1);
  const vertical = tile('vertical-put', 10, 5000, 4.5);
  const all = [callFly, putFly, ironFly, bwbCall, bwbPut, far, tomorrow, vertical, tile('single-call', 0, 5000, 20)];

  it('lists the call fly, the put fly and the iron fly on the same strikes once: the best-scored of them', () => {
    const keys = pickIdeas(all, SPOT, { count: 20 }).map((i) => i.tile.key);
    expect(keys.filter((k) => k.endsWith(':0:10:5000') && !k.startsWith('bwb') && !k.startsWith('vertical'))).toEqual(['butterfly-put:0:10:5000']);
    expect(sameTradeKey(callFly)).toBe(sameTradeKey(ironFly));
  });

  it('keeps both broken-wing flies at one strike: their far wings differ, so they are different trades', () => {
    const keys = pickIdeas(all, SPOT, { family: 'bwb' }).map((i) => i.tile.key);
    expect(keys.sort()).toEqual(['bwb-call:0:10:5000', 'bwb-put:0:10:5000']);
  });

  it('ranks best first and stops at the count (5 by default)', () => {
    const ideas = pickIdeas(all, SPOT);
    expect(ideas).toHaveLength(5);
    const scores = ideas.map((i) => i.score.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(pickIdeas(all, SPOT, { count: 2 })).toEqual(ideas.slice(0, 2));
    expect(ideas.every((i) => !i.tile.strategy.startsWith('single'))).toBe(true);
  });

  it('follows the chosen DTE and family', () => {
    expect(pickIdeas(all, SPOT, { dte: 1 }).map((i) => i.tile.key)).toEqual(['butterfly-call:1:20:5000']);
    expect(pickIdeas(all, SPOT, { family: 'iron-fly' }).map((i) => i.tile.key)).toEqual(['iron-fly:0:10:5000']);
    expect(pickIdeas(all, SPOT, { family: 'vertical', dte: 0 }).map((i) => i.tile.key)).toEqual(['vertical-put:0:10:5000']);
    expect(pickIdeas(all, SPOT, { family: 'single' })).toEqual([]);
  });
});
