import { strategyFamily, type HeatmapTile, type StrategyFamily } from './heatmap.js';
import { tileStructure } from './tile-structure.js';

/**
 * Below this share of its width a spread's risk is a quote artefact (a tick or two), not a trade: a
 * debit spread that costs that little only says its far leg is worth a tick, and its reward/risk
 * (hundreds to one) would top every list. The same holds mirrored for a credit trade that collects
 * nearly its whole width.
 */
export const MIN_DEBIT_SHARE = 0.05;

/** The distance from spot, as a share of spot, that discounts a score to e⁻¹ (37 %). */
const DECAY_SHARE_OF_SPOT = 0.004;

export interface IdeaScore {
  /** rewardRisk × decay, rounded to 1e-4: what the ideas are ranked by. */
  score: number;
  rewardRisk: number;
  /** Points from spot to the trade's centre (its strike): positive above spot, negative below. */
  distance: number;
  /** 0..1 distance discount: exp(−|distance| / (0.4 % of spot)). */
  decay: number;
}

/**
 * The score of a tile as a trade idea: reward/risk discounted by distance from spot, so far-away
 * lottery tickets (whose tents are cheap because the market will not go there) do not crowd the
 * list. Undefined for tiles that are not ideas: singles (no defined reward/risk to rank by), no
 * finite positive reward/risk, or risk under MIN_DEBIT_SHARE of the width (see there).
 */
export function scoreIdea(tile: HeatmapTile, spot: number): IdeaScore | undefined {
  return rejection(tile) === undefined ? score(tile, spot) : undefined;
}

function rejection(tile: HeatmapTile): string | undefined {
  if (strategyFamily(tile.strategy) === 'single') return 'A single option has no defined reward/risk, so it is not ranked as an idea.';
  if (tile.rewardRisk === null || !Number.isFinite(tile.rewardRisk) || tile.rewardRisk <= 0) return 'Its reward/risk is not a finite positive number, so it is not ranked.';
  if (tile.debit > 0 && tile.debit < tile.width * MIN_DEBIT_SHARE) {
    return `Its debit ${fixed(tile.debit)} is under ${pct(MIN_DEBIT_SHARE)} % of its ${tile.width}-point width: the price only says the far leg is worth a tick, so it is not ranked.`;
  }
  if (tile.debit <= 0 && tile.maxLoss < tile.width * MIN_DEBIT_SHARE) {
    return `Its risk ${fixed(tile.maxLoss)} is under ${pct(MIN_DEBIT_SHARE)} % of its ${tile.width}-point width: a credit that large is a stale quote, not a trade, so it is not ranked.`;
  }
  return undefined;
}

function score(tile: HeatmapTile, spot: number): IdeaScore {
  const rewardRisk = tile.rewardRisk ?? 0;
  const distance = round(tile.strike - spot, 2);
  const decay = round(Math.exp(-Math.abs(tile.strike - spot) / (spot * DECAY_SHARE_OF_SPOT)), 4);
  return { score: round(rewardRisk * decay, 4), rewardRisk, distance, decay };
}

/**
 * The score in plain words, e.g. "Risk 2.40 to make 7.60 (reward/risk 3.2 : 1), centred 4 points
 * above spot, so discounted to 82 %: score 2.60." Credit trades say what they collect first; a tile
 * that is not an idea says why.
 */
export function explainIdea(tile: HeatmapTile, spot: number): string {
  const why = rejection(tile);
  if (why !== undefined) return why;
  const s = score(tile, spot);
  const collect = tile.debit < 0 ? `Collect ${fixed(-tile.debit)}: ` : '';
  const risk = `${collect}${collect ? 'risk' : 'Risk'} ${fixed(tile.maxLoss)} to make ${fixed(tile.maxProfit ?? 0)} (reward/risk ${s.rewardRisk.toFixed(1)} : 1)`;
  const away = Math.abs(s.distance);
  const where =
    away < 0.005
      ? 'centred at spot, so not discounted'
      : `centred ${points(away)} ${away === 1 ? 'point' : 'points'} ${s.distance > 0 ? 'above' : 'below'} spot, so discounted to ${pct(s.decay)} %`;
  return `${risk}, ${where}: score ${s.score.toFixed(2)}.`;
}

export interface IdeaFilter {
  /** Only this many days to expiry. */
  dte?: number;
  /** Only this family (butterfly, vertical, iron-fly, bwb; singles are never ideas). */
  family?: StrategyFamily;
  /** How many ideas (default 5). */
  count?: number;
}

export interface PickedIdea {
  tile: HeatmapTile;
  score: IdeaScore;
}

/**
 * The best `count` ideas among `tiles`, best first (ties by key). Tiles with the same expiry and
 * the same strikes are ONE trade (put–call parity: the call fly, the put fly and the iron fly at one
 * strike and width pay the same at expiry, shifted by cash), so only the best-scored of them is kept.
 * Broken-wing flies of the two sides have different strikes, so both may appear.
 */
export function pickIdeas(tiles: Iterable<HeatmapTile>, spot: number, filter: IdeaFilter = {}): PickedIdea[] {
  const best = new Map<string, PickedIdea>();
  for (const tile of tiles) {
    if (filter.dte !== undefined && tile.dte !== filter.dte) continue;
    if (filter.family !== undefined && strategyFamily(tile.strategy) !== filter.family) continue;
    const s = scoreIdea(tile, spot);
    if (s === undefined) continue;
    const trade = sameTradeKey(tile);
    const held = best.get(trade);
    if (held === undefined || better({ tile, score: s }, held)) best.set(trade, { tile, score: s });
  }
  return [...best.values()].sort((a, b) => (better(a, b) ? -1 : 1)).slice(0, filter.count ?? 5);
}

/** Expiry and strikes of a tile's legs: equal for tiles that are the same trade at expiry. */
export function sameTradeKey(tile: HeatmapTile): string {
  const strikes = [...new Set(tileStructure(tile.strategy, tile.strike, tile.width, tile.wing).map((l) => l.strike))].sort((a, b) => a - b);
  return `${tile.expiry}|${strikes.join('/')}`;
}

function better(a: PickedIdea, b: PickedIdea): boolean {
  return a.score.score !== b.score.score ? a.score.score > b.score.score : a.tile.key < b.tile.key;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f + 0;
}

const fixed = (x: number): string => x.toFixed(2);
const pct = (share: number): string => String(Math.round(share * 100));
const points = (x: number): string => (Number.isInteger(round(x, 2)) ? String(round(x, 2)) : x.toFixed(2));
