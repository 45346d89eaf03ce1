import type { Candle } from '@marketswarm/shared/dto';
import type { MelInputs, MelTile } from './mel-inputs.js';
import { agreement, scoreOf, type ModelScoring } from './score-math.js';

/** 1-minute returns in a trading year: 252 sessions of 390 minutes. */
const MINUTES_PER_YEAR = 252 * 390;
/** Returns the realised vol against implied is measured over: the last half hour. */
const RV_RETURNS = 30;
/** Returns in each half of the compression/expansion comparison. */
const HALF_RETURNS = 15;
/** Tiles whose strike is within ±0.5 % of spot give the at-the-money implied vol. */
const ATM_BAND = 0.005;

/** Annualised realised volatility of 1-minute log returns (sample standard deviation); undefined under 2 returns. */
export function realisedVol(returns: readonly number[]): number | undefined {
  if (returns.length < 2) return undefined;
  const m = returns.reduce((s, r) => s + r, 0) / returns.length;
  const variance = returns.reduce((s, r) => s + (r - m) ** 2, 0) / (returns.length - 1);
  return Math.sqrt(variance * MINUTES_PER_YEAR);
}

export function logReturns(bars: readonly Candle[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < bars.length; i += 1) out.push(Math.log((bars[i] as Candle).c / (bars[i - 1] as Candle).c));
  return out;
}

/** The mean IV of the tiles within ±0.5 % of spot, else the IV of the tile nearest spot; undefined without IVs. */
export function atmImpliedVol(tiles: readonly MelTile[], spot: number): number | undefined {
  const withIv = tiles.filter((t): t is MelTile & { iv: number } => t.iv !== undefined);
  const band = withIv.filter((t) => Math.abs(t.strike - spot) <= ATM_BAND * spot);
  if (band.length > 0) return band.reduce((s, t) => s + t.iv, 0) / band.length;
  let nearest: (MelTile & { iv: number }) | undefined;
  for (const t of withIv) if (!nearest || Math.abs(t.strike - spot) < Math.abs(nearest.strike - spot)) nearest = t;
  return nearest?.iv;
}

/**
 * Volatility: do implied and realised vol agree, is realised vol steady (neither compressing nor
 * expanding fast), and is the market mode a clear regime? Each component needs its own input
 * (candles and tiles; candles; the mode); the score is the mean of those present.
 */
export function volatilityScore(inputs: Pick<MelInputs, 'candles' | 'heatmap' | 'spot' | 'mode'>): ModelScoring {
  const returns = logReturns(inputs.candles);
  const components: Record<string, number> = {};
  const rv = realisedVol(returns.slice(-RV_RETURNS));
  const spot = inputs.spot?.price ?? inputs.candles.at(-1)?.c;
  const iv = inputs.heatmap && spot !== undefined ? atmImpliedVol(inputs.heatmap.tiles, spot) : undefined;
  if (rv !== undefined && iv !== undefined) components['ivRealized'] = agreement(rv, iv);
  const recent = realisedVol(returns.slice(-HALF_RETURNS));
  const prior = realisedVol(returns.slice(-2 * HALF_RETURNS, -HALF_RETURNS));
  if (returns.length >= 2 * HALF_RETURNS && recent !== undefined && prior !== undefined) components['steadiness'] = agreement(recent, prior);
  if (inputs.mode) components['regime'] = (100 * Math.abs(inputs.mode.score - 50)) / 50;
  return scoreOf(components, Object.keys(components).length / 3);
}
