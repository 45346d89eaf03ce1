import { describe, expect, it } from 'vitest';
import { parseEvent } from '@marketswarm/shared/events';
import { heatmapSnapshot, MIN_DEBIT_SHARE, OPTIONABLE_SYMBOLS, sameTradeKey, strategyFamily } from '@marketswarm/shared/models';
import { buildSymbolModels, IDEAS_PER_GROUP, marketBias, marketMode, selectIdeas, TILE_BAND_STRIKES, tileBand } from './market-models.js';
import { buildOptionChain, CHAIN_LAYOUTS, dailyExpiries, quote, syntheticOpenInterest } from './option-chain.js';

const NOW = Date.UTC(2026, 10, 18, 15, 0); // a Wednesday, 10:00 New York: the next two expiries are Thursday's and Friday's
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
    expect(dailyExpiries(NOW, 2)).toEqual([Date.UTC(2026, 10, 18, 21), Date.UTC(2026, 10, 19, 21)]);
    expect(dailyExpiries(Date.UTC(2026, 10, 18, 20, 58), 1)).toEqual([Date.UTC(2026, 10, 19, 21)]);
  });

  it('puts open interest near the money and on round strikes, puts heavier below spot', () => {
    const atm = syntheticOpenInterest('call', 5000, 5000, 5);
    expect(atm).toBeGreaterThan(syntheticOpenInterest('call', 5100, 5000, 5));
    expect(syntheticOpenInterest('put', 4950, 5000, 5)).toBeGreaterThan(syntheticOpenInterest('put', 4955, 5000, 5));
    expect(syntheticOpenInterest('put', 4975, 5000, 5)).toBeGreaterThan(syntheticOpenInterest('call', 4975, 5000, 5));
  });

  it('quotes bid/ask around the model price on the root tick, never crossed: SPX 0.05 under 3 and 0.10 above, SPY pennies', () => {
    expect(quote(12.34, 'SPX')).toEqual({ bid: 12.2, ask: 12.4 });
    expect(quote(1.234, 'SPX')).toEqual({ bid: 1.2, ask: 1.25 });
    expect(quote(0.01)).toEqual({ bid: 0, ask: 0.05 });
    expect(quote(1.234, 'SPY')).toEqual({ bid: 1.22, ask: 1.24 });
    const chain = buildOptionChain(5000, NOW, CHAIN_LAYOUTS['SPX']!, 0.15);
    expect(chain.every((o) => o.bid <= o.mid + 1e-9 && o.ask >= o.mid - 1e-9 && o.ask > o.bid)).toBe(true);
  });

  it('lays out a chain for every optionable symbol the header offers, none for VIX', () => {
    expect(Object.keys(CHAIN_LAYOUTS).sort()).toEqual([...OPTIONABLE_SYMBOLS].sort());
    expect(CHAIN_LAYOUTS['VIX']).toBeUndefined();
  });

  it('prices widths of ten strikes in steps: SPX and RUT 5–50, NDX 25–250, SPY and QQQ 1–10', () => {
    const span = (symbol: string) => { const w = CHAIN_LAYOUTS[symbol]!.widths; return [w[0], w.at(-1), w.length]; };
    expect(span('SPX')).toEqual([5, 50, 10]);
    expect(span('RUT')).toEqual([5, 50, 10]);
    expect(span('NDX')).toEqual([25, 250, 10]);
    expect(span('SPY')).toEqual([1, 10, 10]);
    expect(span('QQQ')).toEqual([1, 10, 10]);
  });

  it('prices a full chain around spot: calls and puts at every strike and expiry', () => {
    const layout = CHAIN_LAYOUTS['SPX']!;
    const chain = buildOptionChain(5003, NOW, layout, 0.15);
    expect(chain).toHaveLength((layout.strikesEachSide * 2 + 1) * layout.expiries * 2);
    expect(chain.every((o) => o.mid >= 0 && o.gamma >= 0 && o.openInterest > 0)).toBe(true);
    expect(new Set(chain.map((o) => o.strike)).has(5005)).toBe(true);
  });
});

describe(tileBand.name, () => {
  it('keeps every width at the money and the widest only near it (SPX, spot 5003, ten strikes = 52.5 points)', () => {
    const keep = tileBand(5003, 5, 10);
    expect(keep(5005, 5)).toBe(true);
    expect(keep(5050, 5)).toBe(true); // 47 + 2.5 ≤ 52.5
    expect(keep(5055, 5)).toBe(false);
    expect(keep(5005, 50)).toBe(true); // 2 + 25 ≤ 52.5
    expect(keep(5030, 50)).toBe(true); // 27 + 25
    expect(keep(5035, 50)).toBe(false);
  });
});

describe(buildSymbolModels.name, () => {
  const layout = CHAIN_LAYOUTS['SPX']!;
  const chain = buildOptionChain(5000, NOW, layout, 0.15, 'SPX');
  const prices = Array.from({ length: 100 }, (_, i) => 4990 + (i % 7));
  const models = buildSymbolModels('SPX', 5000, chain, prices, NOW, { widths: layout.widths, strikeStep: layout.strikeStep, bandStrikes: TILE_BAND_STRIKES });

  it('produces payloads every consumer accepts', () => {
    const ok = (topic: string, data: unknown) => parseEvent({ topic, type: 'model', ts: NOW, data });
    expect(ok('gex', models.gex).ok).toBe(true);
    expect(ok('mode', { symbol: 'SPX', ...models.mode }).ok).toBe(true);
    expect(ok('bias', { symbol: 'SPX', ...models.bias }).ok).toBe(true);
    expect(ok('selector', { symbol: 'SPX', ideas: models.ideas }).ok).toBe(true);
    expect(ok('heatmap', { symbol: 'SPX', version: 1, kind: 'snapshot', tiles: models.tiles }).ok).toBe(true);
  });

  it('prices every strategy family, every width from 5 to 50, on SPX ticks', () => {
    const tiles = Object.values(models.tiles);
    expect(new Set(tiles.map((t) => t.strategy))).toEqual(new Set(['butterfly-call', 'butterfly-put', 'vertical-call', 'vertical-put', 'single-call', 'single-put', 'iron-fly', 'bwb-call', 'bwb-put']));
    expect([...new Set(tiles.filter((t) => t.dte === 0 && t.strategy === 'butterfly-call').map((t) => t.width))].sort((a, b) => a - b)).toEqual(layout.widths);
    for (const t of tiles) {
      const tick = Math.abs(t.debit) < 3 ? 0.05 : 0.1;
      expect(Math.abs(Math.round(t.debit / tick) * tick - t.debit), t.key).toBeLessThan(1e-9);
      expect(t.bid, t.key).toBeLessThanOrEqual(t.debit);
      expect(t.ask, t.key).toBeGreaterThanOrEqual(t.debit);
    }
  });

  it('sells the at-the-money iron fly for a credit and gives every BWB its far wing', () => {
    const iron = models.tiles['iron-fly:0:10:5000']!;
    expect(iron.debit).toBeLessThan(0);
    expect(iron.maxProfit).toBeCloseTo(-iron.debit, 10);
    expect(iron.maxLoss).toBeCloseTo(10 + iron.debit, 10);
    expect(models.tiles['bwb-call:0:10:5000']?.wing).toBe(15);
    expect(models.tiles['bwb-put:0:20:5000']?.wing).toBe(30);
  });

  it('keeps a full SPX snapshot under 1 MB by building spreads only within ten strikes of spot', () => {
    const bytes = JSON.stringify(heatmapSnapshot('SPX', 1, models.tiles)).length;
    expect(bytes).toBeLessThan(1_000_000);
    const keep = tileBand(5000, 5, TILE_BAND_STRIKES);
    for (const t of Object.values(models.tiles)) if (strategyFamily(t.strategy) !== 'single') expect(keep(t.strike, t.width), t.key).toBe(true);
    expect(models.tiles['single-call:0:0:5150']).toBeDefined(); // singles everywhere: they mark positions
  });

  it("stamps every tile with its options' expiry and the implied vol of the priced option at its strike", () => {
    const fly = Object.values(models.tiles).find((t) => t.strategy === 'butterfly-put' && t.strike === 4990 && t.dte === 1 && t.width === 10)!;
    const centre = chain.find((o) => o.type === 'put' && o.strike === 4990 && o.expiry === fly.expiry)!;
    expect(fly).toMatchObject({ key: 'butterfly-put:1:10:4990', expiry: dailyExpiries(NOW, 2)[1], iv: Math.round(centre.iv * 1e3) / 1e3 });
    expect(centre.iv).toBeGreaterThan(0);
    const expiries = new Set(dailyExpiries(NOW, layout.expiries));
    for (const tile of Object.values(models.tiles)) {
      expect(expiries.has(tile.expiry), tile.key).toBe(true);
      expect(tile.iv, tile.key).toBeGreaterThan(0);
    }
  });

  it('publishes the best five ideas of every DTE and family, best first, explained, never a single', () => {
    const groups = new Map<string, number>();
    for (const idea of models.ideas) groups.set(`${idea.dte}:${idea.family}`, (groups.get(`${idea.dte}:${idea.family}`) ?? 0) + 1);
    expect([...groups.keys()].sort()).toEqual(['0:butterfly', '0:bwb', '0:iron-fly', '0:vertical', '1:butterfly', '1:bwb', '1:iron-fly', '1:vertical', '2:butterfly', '2:bwb', '2:iron-fly', '2:vertical']);
    expect([...groups.values()].every((n) => n === IDEAS_PER_GROUP)).toBe(true);
    const scores = models.ideas.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(models.ideas.every((i) => !i.tile.startsWith('single') && i.why.endsWith(`score ${i.score.toFixed(2)}.`))).toBe(true);
  });

  it('never lists the call and the put fly on the same strikes twice in one DTE', () => {
    const flies = models.ideas.filter((i) => i.family === 'butterfly').map((i) => `${i.dte}|${sameTradeKey(models.tiles[i.tile]!)}`);
    expect(new Set(flies).size).toBe(flies.length);
  });

  it('leaves out spreads whose debit is a tick of their width', () => {
    for (const idea of models.ideas) {
      const tile = models.tiles[idea.tile]!;
      if (tile.debit > 0) expect(tile.debit, idea.tile).toBeGreaterThanOrEqual(tile.width * MIN_DEBIT_SHARE);
    }
    const fly = models.tiles['butterfly-call:0:10:5000']!;
    const cheap = { ...fly, key: 'vertical-call:0:20:5200', strategy: 'vertical-call' as const, width: 20, strike: 5200, debit: 0.05, maxProfit: 19.95, maxLoss: 0.05, rewardRisk: 399 };
    expect(selectIdeas({ [cheap.key]: cheap, [fly.key]: fly }, 5000).map((i) => i.tile)).toEqual([fly.key]);
  });

  it('puts positive GEX on calls and negative on puts', () => {
    const atm = models.gex.strikes.find((s) => s.strike === 5000)!;
    expect(atm.call).toBeGreaterThan(0);
    expect(atm.put).toBeLessThan(0);
  });

  it('still takes the widths alone (the bench calls it so), building every spread the chain quotes', () => {
    const wide = buildSymbolModels('SPX', 5000, chain, prices, NOW, [10]);
    expect(Object.values(wide.tiles).some((t) => t.strategy === 'butterfly-call' && Math.abs(t.strike - 5000) > 60)).toBe(true);
  });
});

describe('models for every optionable symbol', () => {
  it.each(['NDX', 'RUT', 'SPY', 'QQQ'])('%s: heatmap, GEX and ideas on its own strikes and ticks', (symbol) => {
    const layout = CHAIN_LAYOUTS[symbol]!;
    const spot = { NDX: 18_003, RUT: 2_003, SPY: 500.3, QQQ: 430.2 }[symbol]!;
    const chain = buildOptionChain(spot, NOW, layout, layout.atmVol, symbol);
    const models = buildSymbolModels(symbol, spot, chain, [spot], NOW, { widths: layout.widths, strikeStep: layout.strikeStep, bandStrikes: TILE_BAND_STRIKES });
    expect(models.gex.strikes.length).toBeGreaterThan(20);
    expect(models.ideas.length).toBeGreaterThan(0);
    const flyWidths = new Set(Object.values(models.tiles).filter((t) => t.strategy === 'butterfly-call' && t.dte === 0).map((t) => t.width));
    expect(flyWidths.has(layout.widths[0]!) && flyWidths.has(layout.widths.at(-1)!)).toBe(true);
    if (symbol === 'SPY' || symbol === 'QQQ') expect(Object.values(models.tiles).some((t) => Math.round(t.debit * 100) % 5 !== 0)).toBe(true); // pennies
    expect(JSON.stringify(heatmapSnapshot(symbol, 1, models.tiles)).length).toBeLessThan(1_000_000);
  });
});
