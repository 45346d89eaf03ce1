import { useSyncExternalStore } from 'react';
import type { HeatmapTile } from '@marketswarm/shared/models';
import type { HeatmapStore } from '../../stores/heatmap-store';
import type { KeyedStore } from '../../stores/keyed-store';

/**
 * Test-only stand-ins for ../../stores/hooks that also give useSyncExternalStore a server snapshot,
 * so the real panels can be rendered with react-dom/server in unit specs:
 *
 *   vi.mock('../../stores/hooks', async (importOriginal) => ({ ...(await importOriginal<typeof Hooks>()), ...(await import('./ssr-hooks.testing')) }));
 *
 * (The app's hooks pass no getServerSnapshot; the page is never server-rendered.)
 */
export function useKeyed<V>(store: KeyedStore<V>, key: string): V | undefined {
  const get = (): V | undefined => store.get(key);
  return useSyncExternalStore(store.subscribe, get, get);
}

export function useTile(store: HeatmapStore, symbol: string, key: string): HeatmapTile | undefined {
  const get = (): HeatmapTile | undefined => store.tile(symbol, key);
  return useSyncExternalStore((fn) => store.subscribeTile(symbol, key, fn), get, get);
}

export function useHeatmapStructure(store: HeatmapStore): number {
  return useSyncExternalStore(store.structure.subscribe, store.getStructureVersion, store.getStructureVersion);
}
