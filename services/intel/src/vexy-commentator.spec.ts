import { describe, expect, it } from 'vitest';
import { defaultLevelStep, VexyCommentator } from './vexy-commentator.js';

const make = () => new VexyCommentator({ watched: ['SPX', 'VIX'], largeMovePct: 1 });

describe(VexyCommentator.name, () => {
  it('says nothing about the first price, then calls round-level crossings both ways', () => {
    const v = make();
    expect(v.onSpot('SPX', 5990)).toEqual([]);
    expect(v.onSpot('SPX', 5995.5)).toEqual([]);
    expect(v.onSpot('SPX', 6001.25)).toEqual([{ kind: 'level', symbol: 'SPX', text: 'SPX crosses above 6,000 (6,001.25)' }]);
    expect(v.onSpot('SPX', 5999)).toEqual([{ kind: 'level', symbol: 'SPX', text: 'SPX drops below 6,000 (5,999.00)' }]);
  });

  it('calls a large move from the last announced price once, then re-anchors', () => {
    const v = make();
    v.onSpot('VIX', 14.05);
    expect(v.onSpot('VIX', 14.1)).toEqual([]);
    expect(v.onSpot('VIX', 14.3)).toEqual([{ kind: 'move', symbol: 'VIX', text: 'VIX up 1.8 % to 14.30' }]);
    expect(v.onSpot('VIX', 14.35)).toEqual([]);
    expect(v.onSpot('VIX', 13.9).map((c) => c.text)).toEqual(['VIX drops below 14 (13.90)', 'VIX down 2.8 % to 13.90']);
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

  it('announces spot pushing through a GEX call wall and breaking a put wall', () => {
    const v = new VexyCommentator({ watched: ['SPX'], largeMovePct: 5, levelSteps: { SPX: 1000 } });
    v.onGex('SPX', 5050, 4950);
    v.onSpot('SPX', 5040);
    expect(v.onSpot('SPX', 5052)).toEqual([{ kind: 'gex', symbol: 'SPX', text: 'SPX pushes through the 5,050 call wall (5,052.00)' }]);
    expect(v.onSpot('SPX', 5060)).toEqual([]);
    v.onSpot('SPX', 4960);
    expect(v.onSpot('SPX', 4949.5)).toEqual([{ kind: 'gex', symbol: 'SPX', text: 'SPX breaks below the 4,950 put wall (4,949.50)' }]);
  });
});
