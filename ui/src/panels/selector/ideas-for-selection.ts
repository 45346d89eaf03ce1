import { pickIdeas, strategyFamily, type HeatmapTile, type PickedIdea, type StrategyFamily } from '@marketswarm/shared/models';

export interface IdeaSelection {
  family: StrategyFamily;
  /** The DTE picked in the heatmap; undefined (or one not present) means the nearest. */
  dte: number | undefined;
}

export interface SelectionIdeas {
  ideas: PickedIdea[];
  /** The DTE the ideas are for (undefined when the heatmap has none for the family). */
  dte: number | undefined;
  /** The family ranked: singles have no defined reward/risk, so picking them ranks every family. */
  family: StrategyFamily | undefined;
}

/** How many ideas the panel lists. */
export const IDEA_COUNT = 8;

/**
 * The heatmap's best ideas for what the trader picked there: the same family and DTE (the nearest
 * DTE of the family when the pick is absent, as the heatmap falls back), ranked by `pickIdeas`, so
 * one trade never appears twice (a call fly and a put fly at one strike are one trade).
 */
export function ideasForSelection(tiles: Iterable<HeatmapTile>, spot: number, selection: IdeaSelection, count = IDEA_COUNT): SelectionIdeas {
  const family = selection.family === 'single' ? undefined : selection.family;
  const all = [...tiles];
  const dtes = new Set<number>();
  for (const tile of all) if (family === undefined || strategyFamily(tile.strategy) === family) dtes.add(tile.dte);
  const dte = selection.dte !== undefined && dtes.has(selection.dte) ? selection.dte : Math.min(...dtes);
  if (!Number.isFinite(dte)) return { ideas: [], dte: undefined, family };
  return { ideas: pickIdeas(all, spot, { dte, ...(family === undefined ? {} : { family }), count }), dte, family };
}
