import type { AdiVolatility, Candle } from '@marketswarm/shared/dto';
import type { HeatmapTile } from '@marketswarm/shared/models';
import { PRICE_PLACES, round, roundOrNull, VOL_PLACES } from './adi-numbers.js';

/** 1-minute bars in a year of regular sessions: 252 days × 390 minutes. */
export const ONE_MINUTE_BARS_PER_YEAR = 252 * 390;
/** IV at or above 1.2 × RV is rich, at or below 0.8 × RV cheap. */
export const IV_RICH_RATIO = 1.2;
export const IV_CHEAP_RATIO = 0.8;

export type IvTile = Pick<HeatmapTile, 'strategy' | 'dte' | 'strike' | 'iv'>;

export interface VolatilityInputs {
  spot: number | null;
  /** The heatmap's tiles: only single calls and puts with an IV are read. */
  tiles: Iterable<IvTile>;
  /** The DTE asked for; when the heatmap has no singles there, the nearest DTE it has (the shorter on a tie). */
  dte: number;
  /** Today's 1-minute bars, oldest first. */
  candles: readonly Candle[];
  mode: { mode: AdiVolatility['mode']; score: number } | null;
}

export interface AtmIv {
  iv: number;
  strike: number;
  dte: number;
}

/**
 * The ATM implied vol: at the strike nearest spot (the lower on a tie) of the chosen DTE, the mean
 * of the single call's and single put's IV there (one alone when only one has an IV). The market
 * publishes no chain, and single tiles are exactly one option each (option-mids.ts).
 */
export function atmIv(tiles: Iterable<IvTile>, spot: number | null, dte: number): AtmIv | null {
  if (spot === null) return null;
  const byDte = new Map<number, IvTile[]>();
  for (const tile of tiles) {
    if ((tile.strategy !== 'single-call' && tile.strategy !== 'single-put') || tile.iv === undefined) continue;
    const list = byDte.get(tile.dte) ?? [];
    list.push(tile);
    byDte.set(tile.dte, list);
  }
  const chosen = [...byDte.keys()].sort((a, b) => Math.abs(a - dte) - Math.abs(b - dte) || a - b)[0];
  if (chosen === undefined) return null;
  const singles = byDte.get(chosen) ?? [];
  const strike = singles.map((t) => t.strike).sort((a, b) => Math.abs(a - spot) - Math.abs(b - spot) || a - b)[0];
  if (strike === undefined) return null;
  const ivs = singles.filter((t) => t.strike === strike).map((t) => t.iv ?? 0);
  return { iv: ivs.reduce((sum, iv) => sum + iv, 0) / ivs.length, strike, dte: chosen };
}

/**
 * Realised vol: the sample standard deviation of the bars' close-to-close log returns, annualised
 * by √(bars per year). Null below two returns, where a deviation says nothing.
 */
export function realizedVol(candles: readonly Candle[], barsPerYear: number = ONE_MINUTE_BARS_PER_YEAR): { vol: number; returns: number } | null {
  const returns: number[] = [];
  for (let i = 1; i < candles.length; i += 1) {
    const prev = candles[i - 1]?.c;
    const next = candles[i]?.c;
    if (prev !== undefined && next !== undefined && prev > 0 && next > 0) returns.push(Math.log(next / prev));
  }
  if (returns.length < 2) return null;
  const mean = returns.reduce((sum, r) => sum + r, 0) / returns.length;
  const variance = returns.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (returns.length - 1);
  return { vol: Math.sqrt(variance) * Math.sqrt(barsPerYear), returns: returns.length };
}

export function volRegime(ratio: number | null): AdiVolatility['regime'] {
  if (ratio === null) return null;
  if (ratio >= IV_RICH_RATIO) return 'iv-rich';
  if (ratio <= IV_CHEAP_RATIO) return 'iv-cheap';
  return 'fair';
}

/** Implied against realised vol, and the market-mode model's reading of the tape. */
export function volatilitySection({ spot, tiles, dte, candles, mode }: VolatilityInputs): AdiVolatility {
  const atm = atmIv(tiles, spot, dte);
  const rv = realizedVol(candles);
  const ratio = atm && rv && rv.vol > 0 ? round(atm.iv / rv.vol, 2) : null;
  return {
    atmIv: roundOrNull(atm?.iv, VOL_PLACES),
    atmStrike: roundOrNull(atm?.strike, PRICE_PLACES),
    atmDte: atm?.dte ?? null,
    realizedVol: roundOrNull(rv?.vol, VOL_PLACES),
    realizedBars: rv?.returns ?? 0,
    ivRvRatio: ratio,
    regime: volRegime(ratio),
    mode: mode?.mode ?? null,
    modeScore: roundOrNull(mode?.score, 1),
  };
}
