import { z } from 'zod';
import type { Layout } from 'react-resizable-panels';

/**
 * Where the grid's sizes are kept in the profile's preferences. Versioned: each regrouping of the
 * panels (v2 gave the risk graph the widest column, v3 moved market mode to the bottom row)
 * starts every group at its new default sizes, since sizes chosen for the old grid would misplace
 * the new one. Older keys are left alone (an older tab still open may read them) and simply no
 * longer read here.
 */
export const LAYOUT_PREFERENCE_KEY = 'layout.v3';

export type SavedLayouts = Partial<Record<string, Layout>>;

/** The panel ids of each resizable group of the current grid (WorkspaceLayout). */
export const LAYOUT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  rows: ['top', 'bottom'],
  top: ['charts', 'heatmap', 'risk'],
  charts: ['candles', 'gex'],
  bottom: ['mode', 'selector', 'intel', 'vexy'],
};

const savedSchema = z.record(z.string(), z.record(z.string(), z.number().finite().min(0).max(100)));

/**
 * The saved sizes of the groups the grid still has, each exactly as saved; a group whose saved
 * panels differ from its panels now, or whose sizes do not add up to the whole, is dropped
 * (it opens at its default sizes) rather than handed to the grid to misplace.
 */
export function readSavedLayouts(preferences: Readonly<Record<string, unknown>>): SavedLayouts {
  const parsed = savedSchema.safeParse(preferences[LAYOUT_PREFERENCE_KEY]);
  if (!parsed.success) return {};
  const out: SavedLayouts = {};
  for (const [group, panels] of Object.entries(LAYOUT_GROUPS)) {
    const saved = parsed.data[group];
    if (saved === undefined) continue;
    const ids = Object.keys(saved);
    const samePanels = ids.length === panels.length && panels.every((id) => id in saved);
    const total = Object.values(saved).reduce((sum, size) => sum + size, 0);
    if (samePanels && Math.abs(total - 100) < 1) out[group] = saved;
  }
  return out;
}
