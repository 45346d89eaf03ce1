import { describe, expect, it } from 'vitest';
import { defaultLevelStep, VexyCommentator } from './vexy-commentator.js';

const make = () => new VexyCommentator({ watched: ['SPX', 'VIX'], largeMovePct: 1 });
const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** One tick a second from 0: the crossing cooldown reads these times. */
let clock = 0;
const tick = () => (clock += SECOND);

describe(VexyCommentator.name, () => {
  it('says nothing about the first price, then calls round-level crossings both ways', () => {
    const v = make();
    expect(v.onSpot('SPX', 5990, tick())).toEqual([]);
    expect(v.onSpot('SPX', 5995.5, tick())).toEqual([]);
    expect(v.onSpot('SPX', 6001.25, tick())).toEqual([{ kind: 'level', symbol: 'SPX', text: 'SPX crosses above 6,000 (6,001.25)' }]);
    // Right after a crossing the way back must clear the band: a fifth of SPX's 50-point step.
    expect(v.onSpot('SPX', 5991, tick())).toEqual([]);
    expect(v.onSpot('SPX', 5989, tick())).toEqual([{ kind: 'level', symbol: 'SPX', text: 'SPX drops below 6,000 (5,989.00)' }]);
  });

  it('calls a large move from the last announced price once, then re-anchors', () => {
    const v = make();
    v.onSpot('VIX', 14.05, tick());
    expect(v.onSpot('VIX', 14.1, tick())).toEqual([]);
    expect(v.onSpot('VIX', 14.3, tick())).toEqual([{ kind: 'move', symbol: 'VIX', text: 'VIX up 1.8 % to 14.30' }]);
    expect(v.onSpot('VIX', 14.35, tick())).toEqual([]);
    expect(v.onSpot('VIX', 13.9, tick()).map((c) => c.text)).toEqual(['VIX drops below 14 (13.90)', 'VIX down 2.8 % to 13.90']);
  });

  it('calls mode changes, not the first mode nor repeats', () => {
    const v = make();
    expect(v.onMode('compression', 20)).toEqual([]);
    expect(v.onMode('compression', 25)).toEqual([]);
    expect(v.onMode('expansion', 71.6)).toEqual([{ kind: 'mode', text: 'Market mode shifts from compression to expansion (score 72)' }]);
  });

  it('calls intel only about watched symbols', () => {
    const v = make();
    const item = { id: 'x', title: 'Fed holds', source: 'S', published: 1, tickers: ['AAPL', 'VIX', 'SPX'] };
    expect(v.onIntel(item)).toEqual([{ kind: 'intel', symbol: 'VIX', text: 'News on VIX, SPX: Fed holds' }]);
    expect(v.onIntel({ ...item, tickers: ['AAPL'] })).toEqual([]);
  });

  it('derives a round step from the price for unknown symbols', () => {
    expect([defaultLevelStep(150), defaultLevelStep(4321), defaultLevelStep(12)]).toEqual([50, 500, 5]);
  });

  it('names GEX crossings as the GEX panel does: call wall, put wall, gamma flip', () => {
    // Round levels 1,000 apart stay out of the way; the band is 10 points.
    const v = new VexyCommentator({ watched: ['SPX'], largeMovePct: 5, levelSteps: { SPX: 1000 }, hysteresisSteps: 0.01 });
    v.onGex('SPX', [
      { kind: 'call-wall', level: 5550 },
      { kind: 'put-wall', level: 5450 },
      { kind: 'flip', level: 5490.5 },
    ]);
    v.onSpot('SPX', 5540, tick());
    expect(v.onSpot('SPX', 5552, tick())).toEqual([{ kind: 'gex', symbol: 'SPX', text: 'SPX crosses above the call wall 5,550 (5,552.00)' }]);
    expect(v.onSpot('SPX', 5560, tick())).toEqual([]);
    // The flip always keeps its 10-point band: 5,480 clears 5,490.5 by it.
    expect(v.onSpot('SPX', 5480, tick()).map((c) => c.text)).toEqual(['SPX drops below the call wall 5,550 (5,480.00)', 'SPX drops below the gamma flip 5,490.5 (5,480.00)']);
    expect(v.onSpot('SPX', 5449.5, tick())).toEqual([{ kind: 'gex', symbol: 'SPX', text: 'SPX drops below the put wall 5,450 (5,449.50)' }]);
  });

  it('follows walls that move: a new call wall strike is a new level', () => {
    const v = new VexyCommentator({ watched: ['SPX'], largeMovePct: 5, levelSteps: { SPX: 1000 }, hysteresisSteps: 0.01 });
    v.onGex('SPX', [{ kind: 'call-wall', level: 5550 }]);
    v.onSpot('SPX', 5540, tick());
    expect(v.onSpot('SPX', 5552, tick()).map((c) => c.text)).toEqual(['SPX crosses above the call wall 5,550 (5,552.00)']);
    v.onGex('SPX', [{ kind: 'call-wall', level: 5560 }]);
    expect(v.onSpot('SPX', 5555, tick())).toEqual([]);
    expect(v.onSpot('SPX', 5561, tick()).map((c) => c.text)).toEqual(['SPX crosses above the call wall 5,560 (5,561.00)']);
  });

  it('does not call a gamma flip that moves past a still price', () => {
    const v = new VexyCommentator({ watched: ['SPX'], largeMovePct: 5, levelSteps: { SPX: 1000 }, hysteresisSteps: 0.01 });
    v.onGex('SPX', [{ kind: 'flip', level: 5600 }]);
    v.onSpot('SPX', 5595, 0);
    expect(v.onSpot('SPX', 5595, SECOND)).toEqual([]);
    v.onGex('SPX', [{ kind: 'flip', level: 5590 }]);
    expect(v.onSpot('SPX', 5595, 2 * SECOND)).toEqual([]);
    v.onGex('SPX', [{ kind: 'flip', level: 5600 }]);
    expect(v.onSpot('SPX', 5595, 10 * MINUTE)).toEqual([]);
  });

  it('calls the price crossing a still gamma flip once it clears the band', () => {
    const v = new VexyCommentator({ watched: ['SPX'], largeMovePct: 5, levelSteps: { SPX: 1000 }, hysteresisSteps: 0.01 });
    v.onGex('SPX', [{ kind: 'flip', level: 5600 }]);
    v.onSpot('SPX', 5590, 0);
    const lines = [5595, 5605, 5612, 5615, 5611, 5620].flatMap((p, i) => v.onSpot('SPX', p, (i + 1) * MINUTE).map((c) => c.text));
    expect(lines).toEqual(['SPX crosses above the gamma flip 5,600 (5,612.00)']);
  });

  it('stays quiet while the gamma flip hovers a point either side of a quiet spot for 30 minutes', () => {
    const v = new VexyCommentator({ watched: ['SPX'], largeMovePct: 1 });
    const lines: string[] = [];
    for (let s = 0; s <= 30 * 60; s++) {
      // A new GEX every 10 s puts the flip a point above or below; spot wobbles half a point.
      if (s % 10 === 0) v.onGex('SPX', [{ kind: 'flip', level: s % 20 === 0 ? 6013 : 6011 }]);
      lines.push(...v.onSpot('SPX', 6012 + (s % 3 === 0 ? 0.5 : -0.5), s * SECOND).map((c) => c.text));
    }
    // Not even one line a cooldown: the price never moved past the flip by its band.
    expect(lines).toEqual([]);
  });

  it('does not call a wall crossing when a wall returns to a strike the price passed while it was elsewhere', () => {
    const v = new VexyCommentator({ watched: ['SPX'], largeMovePct: 5, levelSteps: { SPX: 1000 }, hysteresisSteps: 0.01 });
    v.onGex('SPX', [{ kind: 'call-wall', level: 5550 }]);
    v.onSpot('SPX', 5545, 0);
    expect(v.onSpot('SPX', 5546, SECOND)).toEqual([]);
    v.onGex('SPX', [{ kind: 'call-wall', level: 5600 }]);
    expect(v.onSpot('SPX', 5555, 2 * SECOND)).toEqual([]);
    v.onGex('SPX', [{ kind: 'call-wall', level: 5550 }]);
    expect(v.onSpot('SPX', 5556, 3 * SECOND)).toEqual([]);
    v.onGex('SPX', [{ kind: 'call-wall', level: 5540 }]);
    // Nor when a wall strike moves under a still price.
    expect(v.onSpot('SPX', 5556, 4 * SECOND)).toEqual([]);
  });

  it('tells a wall on a round level once, by its GEX name', () => {
    const v = new VexyCommentator({ watched: ['SPX'], largeMovePct: 5 });
    v.onGex('SPX', [{ kind: 'call-wall', level: 6000 }]);
    v.onSpot('SPX', 5990, tick());
    expect(v.onSpot('SPX', 6001, tick()).map((c) => c.text)).toEqual(['SPX crosses above the call wall 6,000 (6,001.00)']);
  });

  it('calls VIX crossing 15 once while it jitters around it, and again only when it moves decisively back', () => {
    const v = make();
    const lines = [14.9, 15.02, 14.98, 15.03, 14.97, 15.01, 14.99, 15.04].flatMap((p) => v.onSpot('VIX', p, tick()).map((c) => c.text));
    expect(lines).toEqual(['VIX crosses above 15 (15.02)']);
    // The band is a fifth of VIX's 1-point step: 14.85 is inside it, 14.79 is through it.
    expect(v.onSpot('VIX', 14.85, tick())).toEqual([]);
    expect(v.onSpot('VIX', 14.79, tick()).map((c) => c.text)).toEqual(['VIX drops below 15 (14.79)']);
  });

  it('calls the same level again after the cooldown though the move back was small', () => {
    const v = new VexyCommentator({ watched: ['SPX'], largeMovePct: 5, crossingCooldownMs: 5 * MINUTE });
    v.onSpot('SPX', 5995, 0);
    expect(v.onSpot('SPX', 6002, 1 * SECOND).map((c) => c.text)).toEqual(['SPX crosses above 6,000 (6,002.00)']);
    expect(v.onSpot('SPX', 5997, 2 * MINUTE)).toEqual([]);
    expect(v.onSpot('SPX', 5996, 5 * MINUTE + 1 * SECOND).map((c) => c.text)).toEqual(['SPX drops below 6,000 (5,996.00)']);
  });

  it('keeps symbols apart: a cooling SPX 6,000 does not hold back NDX 21,000', () => {
    const v = new VexyCommentator({ watched: ['SPX', 'NDX'], largeMovePct: 5 });
    v.onSpot('SPX', 5995, 0);
    v.onSpot('NDX', 20_990, 0);
    expect(v.onSpot('SPX', 6001, SECOND).map((c) => c.text)).toEqual(['SPX crosses above 6,000 (6,001.00)']);
    expect(v.onSpot('NDX', 21_001, SECOND).map((c) => c.text)).toEqual(['NDX crosses above 21,000 (21,001.00)']);
    expect(v.onSpot('SPX', 5999, 2 * SECOND)).toEqual([]);
    expect(v.onSpot('NDX', 20_999, 2 * SECOND)).toEqual([]);
  });

  it('names only the farthest round level of a jump across several', () => {
    const v = new VexyCommentator({ watched: ['SPX'], largeMovePct: 50 });
    v.onSpot('SPX', 6010, 0);
    expect(v.onSpot('SPX', 5890, SECOND).map((c) => c.text)).toEqual(['SPX drops below 5,900 (5,890.00)']);
    expect(v.onSpot('SPX', 6120, 2 * SECOND).map((c) => c.text)).toEqual(['SPX crosses above 6,100 (6,120.00)']);
  });

  it('does not walk level by level through a bad print hundreds of levels away', () => {
    const v = new VexyCommentator({ watched: ['SPX'], largeMovePct: 1e6 });
    v.onSpot('SPX', 5000, 0);
    expect(v.onSpot('SPX', 5_000_000, SECOND)).toEqual([]);
    expect(v.onSpot('SPX', 5_000_060, 2 * SECOND).map((c) => c.text)).toEqual(['SPX crosses above 5,000,050 (5,000,060.00)']);
  });
});
