/** Market mode from a 0–100 score (50 = a normal tape; see services/massive/src/market-models.ts). */
export type MarketMode = 'compression' | 'transition' | 'expansion';

/** Score bands: producers classify with them and the UI's gauge draws them. */
export const MARKET_MODE_BANDS: readonly { mode: MarketMode; from: number; to: number }[] = [
  { mode: 'compression', from: 0, to: 40 },
  { mode: 'transition', from: 40, to: 60 },
  { mode: 'expansion', from: 60, to: 100 },
];

/** Below 40 compression, above 60 expansion, 40–60 (both ends included) transition. */
export function marketModeOf(score: number): MarketMode {
  return score < 40 ? 'compression' : score > 60 ? 'expansion' : 'transition';
}
