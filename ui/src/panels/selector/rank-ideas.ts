import type { SelectorState } from '../../stores/workspace-stores';

export type SelectorIdea = SelectorState['ideas'][number];

/** Best score first; a tile listed twice keeps its best score; ideas without a finite score are dropped. */
export function rankIdeas(ideas: readonly SelectorIdea[] | undefined): SelectorIdea[] {
  if (!ideas) return [];
  const best = new Map<string, SelectorIdea>();
  for (const idea of ideas) {
    if (typeof idea.tile !== 'string' || idea.tile === '' || !Number.isFinite(idea.score)) continue;
    const held = best.get(idea.tile);
    if (held === undefined || idea.score > held.score) best.set(idea.tile, idea);
  }
  // Array.prototype.sort is stable: equal scores keep the producer's order.
  return [...best.values()].sort((a, b) => b.score - a.score);
}
