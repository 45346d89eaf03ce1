import {
  buildHeatmapTiles,
  computeGex,
  explainIdea,
  gexPayload,
  marketModeOf,
  pickIdeas,
  STRATEGY_FAMILIES,
  strategyFamily,
  type ChainOption,
  type HeatmapTiles,
  type MarketMode,
  type StrategyFamily,
} from '@marketswarm/shared/models';

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

/** Ideas published per expiry and family, so a trader's pick in the heatmap always has a list. */
export const IDEAS_PER_GROUP = 5;

export interface PublishedIdea {
  /** Heatmap tile key. */
  tile: string;
  score: number;
  family: StrategyFamily;
  dte: number;
  /** The score in words (`explainIdea`). */
  why: string;
}

/**
 * Trade ideas for the `selector` topic: the best IDEAS_PER_GROUP of every (DTE, family) by
 * `pickIdeas` (defined-risk only, one trade listed once within a family), merged best first.
 * A consumer filtering by DTE and family gets exactly that group's list.
 */
export function selectIdeas(tiles: HeatmapTiles, spot: number, perGroup = IDEAS_PER_GROUP): PublishedIdea[] {
  const all = Object.values(tiles);
  const dtes = [...new Set(all.map((t) => t.dte))].sort((x, y) => x - y);
  const ideas: PublishedIdea[] = [];
  for (const dte of dtes) {
    for (const family of STRATEGY_FAMILIES) {
      if (family === 'single') continue;
      for (const { tile, score } of pickIdeas(all, spot, { dte, family, count: perGroup })) {
        ideas.push({ tile: tile.key, score: score.score, family: strategyFamily(tile.strategy), dte: tile.dte, why: explainIdea(tile, spot) });
      }
    }
  }
  return ideas.sort((x, y) => y.score - x.score || x.tile.localeCompare(y.tile));
}

/**
 * Which spreads the streamed heatmap carries: every cycle streams the changed tiles of the watched
 * symbol to every browser, and nearly every tile's price changes when spot moves, so the tile count
 * is the bandwidth. A spread is kept when its centre plus half its width lies within `strikes`
 * strikes of spot: every width at the money, the widest only near it, where a trader reads the grid.
 * Ten strikes (SPX ±50 points) keeps a full SPX snapshot near 0.9 MB, against 2.3 MB for every
 * spread of the chain. Counted in strikes, so it scales from SPY to NDX. Singles are always built:
 * they mark every position's legs.
 */
export const TILE_BAND_STRIKES = 10;

export function tileBand(spot: number, strikeStep: number, strikes = TILE_BAND_STRIKES): (strike: number, width: number) => boolean {
  const limit = (strikes + 0.5) * strikeStep; // + half a strike: spot sits between two strikes
  return (strike, width) => Math.abs(strike - spot) + width / 2 <= limit;
}

export interface SymbolModels {
  gex: ReturnType<typeof gexPayload>;
  tiles: HeatmapTiles;
  mode: { mode: MarketMode; score: number };
  bias: { bias: number; lfi: number };
  ideas: PublishedIdea[];
}

export interface SymbolModelOptions {
  /** Spread widths in points. */
  widths: readonly number[];
  /** Strike spacing (a BWB's far wing); default: the chain's. */
  strikeStep?: number;
  /** Keep spreads within this many strikes of spot (`tileBand`); without it every spread the chain quotes is built. */
  bandStrikes?: number;
}

/** Every model of one symbol from its chain and recent prices. Pure: same inputs, same models. */
export function buildSymbolModels(
  symbol: string,
  spot: number,
  chain: readonly ChainOption[],
  prices: readonly number[],
  now: number,
  options: SymbolModelOptions | readonly number[],
): SymbolModels {
  const { widths, strikeStep, bandStrikes } = isWidthList(options) ? { widths: options } : options;
  const profile = computeGex(chain, spot);
  const step = strikeStep ?? chainStep(chain);
  const tiles = buildHeatmapTiles(chain, {
    now,
    widths,
    strikeStep: step,
    symbol,
    ...(bandStrikes === undefined ? {} : { keep: tileBand(spot, step, bandStrikes) }),
  });
  const scale = Math.max(...profile.byStrike.map((s) => Math.abs(s.net)), 1) * 10;
  return {
    gex: gexPayload(symbol, profile),
    tiles,
    mode: marketMode(prices),
    bias: marketBias(spot, profile.flip, prices, profile.total, scale),
    ideas: selectIdeas(tiles, spot),
  };
}

// The bench and older callers pass the widths alone.
function isWidthList(options: SymbolModelOptions | readonly number[]): options is readonly number[] {
  return Array.isArray(options);
}

function chainStep(chain: readonly ChainOption[]): number {
  const strikes = [...new Set(chain.map((o) => o.strike))].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < strikes.length; i++) step = Math.min(step, strikes[i]! - strikes[i - 1]!);
  return Number.isFinite(step) ? step : 1;
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
