import type { MelInputs, MelTile } from './mel-inputs.js';
import { clamp, freshness, NO_DATA, scoreOf, type ModelScoring } from './score-math.js';

/** Distinct strikes within ±1 % of spot for full coverage (SPX lists one every 5 points: ±60 points hold 24). */
const FULL_STRIKES = 20;
const NEAR_SPOT = 0.01;
/** A heatmap younger than 10 s is fresh; one 2 minutes old is stale. */
const FRESH_MS = 10_000;
const STALE_MS = 120_000;
/** Tiles for full confidence. */
const FULL_TILES = 50;

/**
 * Liquidity: can the heatmap's prices for this DTE be trusted — strikes listed around spot, sane
 * debits, implied vols present, a fresh model? Needs the DTE's heatmap tiles.
 */
export function liquidityScore(inputs: Pick<MelInputs, 'heatmap' | 'spot' | 'now'>): ModelScoring {
  const heatmap = inputs.heatmap;
  if (!heatmap || heatmap.tiles.length === 0) return NO_DATA;
  const { tiles } = heatmap;
  const spot = inputs.spot?.price;
  const near = spot === undefined ? 0 : new Set(tiles.filter((t) => Math.abs(t.strike - spot) <= NEAR_SPOT * spot).map((t) => t.strike)).size;
  const sane = tiles.filter(isSaneQuote).length;
  const components = {
    coverage: 100 * Math.min(1, near / FULL_STRIKES),
    pricing: (100 * sane) / tiles.length,
    ivCoverage: (100 * tiles.filter((t) => t.iv !== undefined).length) / tiles.length,
    freshness: freshness(inputs.now - heatmap.ts, FRESH_MS, STALE_MS),
  };
  return scoreOf(components, clamp(tiles.length / FULL_TILES, 0, 1));
}

/**
 * Whether a tile's signed premium is a price a trader could act on. The debit is negative for a
 * credit (an iron fly, a credit broken-wing fly), so its sign says nothing; what a stale or crossed
 * quote breaks is the payoff: nothing at risk (a fly or single at 0, a credit as wide as the wings
 * leaves maxLoss ≤ 0), or nothing to gain (a debit of at least the width: singles have none).
 * MelTile carries no maxProfit, so an iron fly quoted at a debit (no profit) passes here;
 * makeTile already drops such tiles at the producer.
 */
function isSaneQuote(t: MelTile): boolean {
  return Number.isFinite(t.debit) && Number.isFinite(t.maxLoss) && t.maxLoss > 0 && (t.width === 0 || t.debit < t.width);
}
