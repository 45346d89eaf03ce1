import type { SelectorState } from '../../stores/workspace-stores';
import { describeTileKey } from './describe-tile-key';

export type SelectorIdea = SelectorState['ideas'][number];

/**
 * The trade a key stands for at expiry: a call fly, a put fly and an iron fly at one strike, width
 * and DTE have the same strikes and pay the same, so they are one idea. Other keys are their own.
 */
function tradeOf(key: string): string {
  const d = describeTileKey(key);
  return d !== undefined && (d.family === 'butterfly' || d.family === 'iron-fly') ? `fly:${d.dte}:${d.width}:${d.strike}` : key;
}

/**
 * The producer's ideas, best score first: one trade listed once (its best-scored tile), ideas
 * without a finite score dropped, ties in the producer's order.
 */
export function rankIdeas(ideas: readonly SelectorIdea[] | undefined): SelectorIdea[] {
  if (!ideas) return [];
  const best = new Map<string, SelectorIdea>();
  for (const idea of ideas) {
    if (typeof idea.tile !== 'string' || idea.tile === '' || !Number.isFinite(idea.score)) continue;
    const trade = tradeOf(idea.tile);
    const held = best.get(trade);
    if (held === undefined || idea.score > held.score) best.set(trade, idea);
  }
  // Array.prototype.sort is stable: equal scores keep the producer's order.
  return [...best.values()].sort((a, b) => b.score - a.score);
}
