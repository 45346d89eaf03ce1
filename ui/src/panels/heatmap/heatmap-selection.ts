import { useSyncExternalStore } from 'react';
import type { WhatIfStore } from '../../risk/what-if-store';
import type { Side, StrategyFamily } from './heatmap-layout';

/** What the trader picked in the heatmap; the trade ideas follow it. */
export interface HeatmapSelection {
  family: StrategyFamily;
  side: Side;
  /** The DTE picked; undefined until the trader picks one (the nearest DTE is shown). */
  dte: number | undefined;
}

export const DEFAULT_SELECTION: HeatmapSelection = { family: 'butterfly', side: 'call', dte: undefined };

/** A tiny external store: the heatmap writes it, the selector reads it; one per workspace. */
export class HeatmapSelectionStore {
  private selection: HeatmapSelection = DEFAULT_SELECTION;
  private readonly listeners = new Set<() => void>();

  get = (): HeatmapSelection => this.selection;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Merges `patch`; listeners hear of it only when something changed. */
  set(patch: Partial<HeatmapSelection>): void {
    const next = { ...this.selection, ...patch };
    if (next.family === this.selection.family && next.side === this.selection.side && next.dte === this.selection.dte) return;
    this.selection = next;
    for (const fn of [...this.listeners]) fn();
  }
}

// Keyed by the workspace's what-if store, which exists once per workspace (the page or a test's),
// so two workspaces never share a selection and a dropped workspace takes its selection with it.
const stores = new WeakMap<WhatIfStore, HeatmapSelectionStore>();

export function heatmapSelectionFor(whatIf: WhatIfStore): HeatmapSelectionStore {
  let store = stores.get(whatIf);
  if (store === undefined) stores.set(whatIf, (store = new HeatmapSelectionStore()));
  return store;
}

export function useHeatmapSelection(store: HeatmapSelectionStore): HeatmapSelection {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
