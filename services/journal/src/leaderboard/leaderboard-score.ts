/**
 * The leaderboard's composite score, 0..100: a weighted blend of three ratios, each normalised to
 * 0..1, so neither account size nor trade count buys rank (docs/API.md "Leaderboard"):
 *
 *   win      = wins / trades                                  (break-even trades count against it)
 *   pf       = min(profitFactor, 3) / 3                       (no losing trade: 1 when any trade won)
 *   r        = clamp((expectancyR + 1) / 2, 0, 1)             (−1R → 0, 0R → 0.5, +1R or better → 1)
 *   score    = 100 × (0.40 × win + 0.35 × pf + 0.25 × r)      rounded to 2 decimals
 *
 * When no trade in the window has a defined risk, expectancyR is unknown and the r term is left out:
 * score = 100 × (0.40 × win + 0.35 × pf) / 0.75. Profit factor is capped because a handful of
 * trades with one tiny loss would otherwise dominate; 3 is already an exceptional edge.
 */

export const SCORE_WEIGHTS = { winRate: 0.4, profitFactor: 0.35, expectancyR: 0.25 } as const;
export const PROFIT_FACTOR_CAP = 3;

export interface ScoreInputs {
  trades: number;
  wins: number;
  /** wins / trades; null without trades. */
  winRate: number | null;
  /** null when there is no losing trade. */
  profitFactor: number | null;
  expectancyR: number | null;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

export function normalisedProfitFactor(inputs: Pick<ScoreInputs, 'profitFactor' | 'wins'>): number {
  // No loser: unbounded if anything won; all break-even is a profit factor of 1.
  if (inputs.profitFactor === null) return inputs.wins > 0 ? 1 : 1 / PROFIT_FACTOR_CAP;
  return clamp01(inputs.profitFactor / PROFIT_FACTOR_CAP);
}

export function normalisedExpectancyR(expectancyR: number): number {
  return clamp01((expectancyR + 1) / 2);
}

export function leaderboardScore(inputs: ScoreInputs): number {
  const terms: [number, number][] = [
    [SCORE_WEIGHTS.winRate, clamp01(inputs.winRate ?? 0)],
    [SCORE_WEIGHTS.profitFactor, normalisedProfitFactor(inputs)],
  ];
  if (inputs.expectancyR !== null) terms.push([SCORE_WEIGHTS.expectancyR, normalisedExpectancyR(inputs.expectancyR)]);
  const weight = terms.reduce((sum, [w]) => sum + w, 0);
  const blended = terms.reduce((sum, [w, value]) => sum + w * value, 0) / weight;
  return Math.round(blended * 100 * 100) / 100 + 0;
}

export interface Ranked<T> {
  rank: number;
  entry: T;
}

/**
 * Highest score first; equal scores share a rank (1, 2, 2, 4), listed by more trades, then by name,
 * so the order is stable between requests.
 */
export function rankByScore<T extends { score: number; trades: number; displayName: string }>(entries: readonly T[]): Ranked<T>[] {
  const sorted = [...entries].sort((a, b) => b.score - a.score || b.trades - a.trades || (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0));
  const ranked: Ranked<T>[] = [];
  sorted.forEach((entry, i) => {
    const previous = ranked[i - 1];
    ranked.push({ rank: previous && previous.entry.score === entry.score ? previous.rank : i + 1, entry });
  });
  return ranked;
}
