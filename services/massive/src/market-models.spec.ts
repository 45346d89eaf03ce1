import { describe, expect, it } from 'vitest';
import { parseEvent } from '@marketswarm/shared/events';
import { buildSymbolModels, marketBias, marketMode, MIN_DEBIT_SHARE, selectIdeas } from './market-models.js';
import { buildOptionChain, CHAIN_LAYOUTS, dailyExpiries, quote, syntheticOpenInterest } from './option-chain.js';

const NOW = Date.UTC(2026, 10, 20, 15, 0); // a Friday, 10:00 New York
const wave = (n: number, amp: (i: number) => number) => Array.from({ length: n }, (_, i) => 5000 * Math.exp(amp(i) * (i % 2 === 0 ? 1 : -1)));

describe(marketMode.name, () => {
  it('calls a tape whose recent moves shrank compression, and one whose moves grew expansion', () => {
    expect(marketMode(wave(300, (i) => (i < 240 ? 0.002 : 0.0004))).mode).toBe('compression');
    expect(marketMode(wave(300, (i) => (i < 240 ? 0.0004 : 0.002))).mode).toBe('expansion');
    const steady = marketMode(wave(300, () => 0.001));
    expect(steady.mode).toBe('transition');
    expect(Math.abs(steady.score - 50)).toBeLessThan(2);
  });

  it('stays neutral until it has enough history', () => {
    expect(marketMode([5000, 5001])).toEqual({ mode: 'transition', score: 50 });
  });
});

describe(marketBias.name, () => {
  it('leans long above the gamma flip on a rising tape, short below it on a falling one', () => {
    const rising = Array.from({ length: 60 }, (_, i) => 4980 + i);
    const falling = [...rising].reverse();
    expect(marketBias(5040, 5000, rising, 1e9, 1e10).bias).toBeGreaterThan(0.5);
    expect(marketBias(4960, 5000, falling, -1e9, 1e10).bias).toBeLessThan(-0.5);
  });

  it('reports LFI with the sign of net dealer gamma', () => {
    expect(marketBias(5000, undefined, [5000], 5e9, 1e10).lfi).toBeCloseTo(Math.tanh(0.5), 4);
    expect(marketBias(5000, undefined, [5000], -5e9, 1e10).lfi).toBeLessThan(0);
  });
});

describe('option chain', () => {
  it("lists today's close first and rolls to tomorrow in the last minutes", () => {
    expect(dailyExpiries(NOW, 2)).toEqual([Date.UTC(2026, 10, 20, 21), Date.UTC(2026, 10, 21, 21)]);
    expect(dailyExpiries(Date.UTC(2026, 10, 20, 20, 58), 1)).toEqual([Date.UTC(2026, 10, 21, 21)]);
  });

  it('puts open interest near the money and on round strikes, puts heavier below spot', () => {
    const atm = syntheticOpenInterest('call', 5000, 5000, 5);
    expect(atm).toBeGreaterThan(syntheticOpenInterest('call', 5100, 5000, 5));
    expect(syntheticOpenInterest('put', 4950, 5000, 5)).toBeGreaterThan(syntheticOpenInterest('put', 4955, 5000, 5));
    expect(syntheticOpenInterest('put', 4975, 5000, 5)).toBeGreaterThan(syntheticOpenInterest('call', 4975, 5000, 5));
  });

  it('quotes bid/ask around the model price in 0.05 ticks, never crossed', () => {
    expect(quote(12.34)).toEqual({ bid: 12.2, ask: 12.45 });
    expect(quote(0.01)).toEqual({ bid: 0, ask: 0.05 });
    const chain = buildOptionChain(5000, NOW, CHAIN_LAYOUTS['SPX']!, 0.15);
    expect(chain.every((o) => o.bid <= o.mid + 1e-9 && o.ask >= o.mid - 1e-9 && o.ask > o.bid)).toBe(true);
  });

  it('prices a full chain around spot: calls and puts at every strike and expiry', () => {
    const layout = CHAIN_LAYOUTS['SPX']!;
    const chain = buildOptionChain(5003, NOW, layout, 0.15);
    expect(chain).toHaveLength((layout.strikesEachSide * 2 + 1) * layout.expiries * 2);
    expect(chain.every((o) => o.mid >= 0 && o.gamma >= 0 && o.openInterest > 0)).toBe(true);
    expect(new Set(chain.map((o) => o.strike)).has(5005)).toBe(true);
  });
});

describe(buildSymbolModels.name, () => {
  const chain = buildOptionChain(5000, NOW, CHAIN_LAYOUTS['SPX']!, 0.15);
  const models = buildSymbolModels('SPX', 5000, chain, Array.from({ length: 100 }, (_, i) => 4990 + (i % 7)), NOW, [10, 20]);

  it('produces payloads every consumer accepts', () => {
    const ok = (topic: string, data: unknown) => parseEvent({ topic, type: 'model', ts: NOW, data });
    expect(ok('gex', models.gex).ok).toBe(true);
    expect(ok('mode', { symbol: 'SPX', ...models.mode }).ok).toBe(true);
    expect(ok('bias', { symbol: 'SPX', ...models.bias }).ok).toBe(true);
    expect(ok('selector', { symbol: 'SPX', ideas: models.ideas }).ok).toBe(true);
    expect(ok('heatmap', { symbol: 'SPX', version: 1, kind: 'snapshot', tiles: models.tiles }).ok).toBe(true);
  });

  it("stamps every tile with its options' expiry and the implied vol of the priced option at its strike", () => {
    const fly = Object.values(models.tiles).find((t) => t.strategy === 'butterfly-put' && t.strike === 4990 && t.dte === 1)!;
    const centre = chain.find((o) => o.type === 'put' && o.strike === 4990 && o.expiry === fly.expiry)!;
    expect(fly).toMatchObject({ key: 'butterfly-put:1:10:4990', expiry: dailyExpiries(NOW, 2)[1], iv: Math.round(centre.iv * 1e4) / 1e4 });
    expect(centre.iv).toBeGreaterThan(0);
    const expiries = new Set(dailyExpiries(NOW, CHAIN_LAYOUTS['SPX']!.expiries));
    for (const tile of Object.values(models.tiles)) {
      expect(expiries.has(tile.expiry), tile.key).toBe(true);
      expect(tile.iv, tile.key).toBeGreaterThan(0);
    }
  });

  it('ranks defined-risk ideas only, best first', () => {
    expect(models.ideas.length).toBe(5);
    expect(models.ideas.every((i) => !i.tile.startsWith('single'))).toBe(true);
    const scores = models.ideas.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(selectIdeas(models.tiles, 5000, 2)).toEqual(models.ideas.slice(0, 2));
  });

  it('leaves out spreads whose debit is a tick of their width', () => {
    for (const idea of models.ideas) {
      const tile = models.tiles[idea.tile]!;
      expect(tile.debit, idea.tile).toBeGreaterThanOrEqual(tile.width * MIN_DEBIT_SHARE);
    }
    const fly = Object.values(models.tiles).find((t) => t.strategy === 'butterfly-call' && t.strike === 5000 && t.dte === 0)!;
    const cheap = { ...fly, key: 'vertical-call:0:20:5200', strategy: 'vertical-call' as const, width: 20, strike: 5200, debit: 0.05, maxProfit: 19.95, rewardRisk: 399 };
    expect(selectIdeas({ [cheap.key]: cheap, [fly.key]: fly }, 5000).map((i) => i.tile)).toEqual([fly.key]);
  });

  it('puts positive GEX on calls and negative on puts', () => {
    const atm = models.gex.strikes.find((s) => s.strike === 5000)!;
    expect(atm.call).toBeGreaterThan(0);
    expect(atm.put).toBeLessThan(0);
  });
});
