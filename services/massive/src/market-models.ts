import { buildHeatmapTiles, computeGex, gexPayload, marketModeOf, type ChainOption, type HeatmapTiles, type MarketMode } from '@marketswarm/shared/models';

export type { MarketMode };

/**
 * Market mode from realised volatility: the recent window against the longer one. A ratio near 1
 * is a normal tape; well below is compression (ranges tighten before a move), well above expansion.
 * Score 0–100 with 50 at a ratio of 1.
 */
export function marketMode(prices: readonly number[], shortWindow = 30): { mode: MarketMode; score: number } {
  const returns = logReturns(prices);
  if (returns.length < shortWindow * 2) return { mode: 'transition', score: 50 };
  const ratio = stdev(returns.slice(-shortWindow)) / (stdev(returns) || 1e-12);
  const score = Math.max(0, Math.min(100, Math.round(50 * ratio * 100) / 100));
  return { mode: marketModeOf(score), score };
}

/**
 * Directional bias in [−1, 1]: half where spot sits against the gamma flip (above it dealers damp
 * moves, below they amplify them), half the recent momentum. LFI (liquidity flow index) is net
 * dealer gamma squashed to [−1, 1]: positive = long gamma, a pinned tape; negative = short gamma.
 */
export function marketBias(spot: number, flip: number | undefined, prices: readonly number[], totalGex: number, gexScale: number): { bias: number; lfi: number } {
  const position = flip === undefined ? 0 : Math.tanh((spot - flip) / (spot * 0.005));
  const lookback = prices.slice(-60);
  const first = lookback[0];
  const momentum = first ? Math.tanh(Math.log(spot / first) * 200) : 0;
  const bias = Math.max(-1, Math.min(1, 0.5 * position + 0.5 * momentum));
  const lfi = Math.tanh(totalGex / gexScale);
  return { bias: round(bias, 4), lfi: round(lfi, 4) };
}

/** Below this share of its width a spread's debit is a quote artefact (a tick or two), not a trade. */
export const MIN_DEBIT_SHARE = 0.05;

/**
 * Trade ideas: defined-risk tiles (butterflies and verticals) ranked by reward/risk, discounted by
 * distance from spot so far-away lottery tickets do not crowd the list. Spreads that cost less than
 * 5 % of their width are left out: their reward/risk (hundreds to one) only says the far leg is
 * worth a tick, and they would top every list.
 */
export function selectIdeas(tiles: HeatmapTiles, spot: number, count = 5): { tile: string; score: number }[] {
  return Object.values(tiles)
    .filter((t) => !t.strategy.startsWith('single') && t.rewardRisk !== null && t.rewardRisk > 0 && t.debit >= t.width * MIN_DEBIT_SHARE)
    .map((t) => ({ tile: t.key, score: round((t.rewardRisk ?? 0) * Math.exp(-Math.abs(t.strike - spot) / (spot * 0.004)), 4) }))
    .sort((a, b) => b.score - a.score || a.tile.localeCompare(b.tile))
    .slice(0, count);
}

export interface SymbolModels {
  gex: ReturnType<typeof gexPayload>;
  tiles: HeatmapTiles;
  mode: { mode: MarketMode; score: number };
  bias: { bias: number; lfi: number };
  ideas: { tile: string; score: number }[];
}

/** Every model of one symbol from its chain and recent prices. Pure: same inputs, same models. */
export function buildSymbolModels(symbol: string, spot: number, chain: readonly ChainOption[], prices: readonly number[], now: number, widths: readonly number[]): SymbolModels {
  const profile = computeGex(chain, spot);
  const tiles = buildHeatmapTiles(chain, { now, widths, strategies: ['butterfly-call', 'butterfly-put', 'vertical-call', 'vertical-put', 'single-call', 'single-put'] });
  const scale = Math.max(...profile.byStrike.map((s) => Math.abs(s.net)), 1) * 10;
  return {
    gex: gexPayload(symbol, profile),
    tiles,
    mode: marketMode(prices),
    bias: marketBias(spot, profile.flip, prices, profile.total, scale),
    ideas: selectIdeas(tiles, spot),
  };
}

function logReturns(prices: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < prices.length; i++) {
    const a = prices[i - 1]!;
    const b = prices[i]!;
    if (a > 0 && b > 0) out.push(Math.log(b / a));
  }
  return out;
}

function stdev(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
