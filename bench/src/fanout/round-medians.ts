import type { ServerKind } from './options.js';
import { ratio } from './stats.js';

/** The figures of one run of one server in one scenario that the ratios compare. */
export interface RoundFigures {
  server: ServerKind;
  scenario: string;
  cpuPerMillion: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  rssPerConnection: number | null;
  marginalPerConnection: number | null;
  deliveriesPerSec: number | null;
}

export type FigureName = Exclude<keyof RoundFigures, 'server' | 'scenario'>;
export const FIGURES: readonly FigureName[] = ['deliveriesPerSec', 'cpuPerMillion', 'p50Ms', 'p99Ms', 'rssPerConnection', 'marginalPerConnection'];

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Median of each figure over the rounds of one server in one scenario. On a machine shared with
 * other sessions a single run's p99 moves tenfold with their load; rounds that alternate the
 * servers, reduced to medians, let the same noise land on both sides of a ratio.
 */
export function medianFigures(rounds: readonly RoundFigures[], server: ServerKind, scenario: string): Record<FigureName, number | null> & { rounds: number } {
  const mine = rounds.filter((r) => r.server === server && r.scenario === scenario);
  const out = { rounds: mine.length } as Record<FigureName, number | null> & { rounds: number };
  for (const figure of FIGURES) out[figure] = median(mine.map((r) => r[figure]).filter((v): v is number => v !== null && Number.isFinite(v)));
  return out;
}

/** ours ÷ peer for every figure, each side its median over the rounds. */
export function medianRatios(rounds: readonly RoundFigures[], peer: ServerKind, scenario: string): Record<FigureName, number | null> | null {
  const ours = medianFigures(rounds, 'ours', scenario);
  const other = medianFigures(rounds, peer, scenario);
  if (ours.rounds === 0 || other.rounds === 0) return null;
  const out = {} as Record<FigureName, number | null>;
  for (const figure of FIGURES) out[figure] = ratio(ours[figure], other[figure]);
  return out;
}
