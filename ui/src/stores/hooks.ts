import { useCallback, useSyncExternalStore } from 'react';
import type { HeatmapTile } from '@marketswarm/shared/models';
import type { ConnectionState, StreamHub } from '../stream/stream-hub';
import type { FeedStore } from './feed-store';
import type { HeatmapStore } from './heatmap-store';
import type { KeyedStore } from './keyed-store';
import { throttle } from './throttle';

// Each hook passes the same getter as the server snapshot: server rendering (tests) sees the store as it is.

/** The hub's connection state (status, transport, stream count); changes rarely. */
export function useConnection(hub: StreamHub): ConnectionState {
  return useSyncExternalStore(hub.subscribe, hub.getState, hub.getState);
}

/** One key's latest value; re-renders only when that key was replaced, at most once a frame. */
export function useKeyed<V>(store: KeyedStore<V>, key: string): V | undefined {
  const get = useCallback(() => store.get(key), [store, key]);
  return useSyncExternalStore(store.subscribe, get, get);
}

/** How often whole-chart views redraw for a moving spot. */
export const SPOT_REDRAW_MS = 250;

/**
 * One key's latest value, re-rendering at most every `intervalMs` (the last change always lands).
 * For views that follow spot but redraw a whole chart: the header shows every tick, a GEX chart or
 * risk graph redrawn four times a second looks the same and costs a fraction at 50 events/s.
 */
export function useKeyedThrottled<V>(store: KeyedStore<V>, key: string, intervalMs: number): V | undefined {
  const subscribe = useCallback(
    (notify: () => void) => {
      const throttled = throttle(notify, intervalMs);
      const unsubscribe = store.subscribe(throttled.call);
      return () => {
        throttled.cancel();
        unsubscribe();
      };
    },
    [store, intervalMs],
  );
  const get = useCallback(() => store.get(key), [store, key]);
  return useSyncExternalStore(subscribe, get, get);
}

/** Every key's value (a small store such as spot per symbol). */
export function useKeyedAll<V>(store: KeyedStore<V>): ReadonlyMap<string, V> {
  return useSyncExternalStore(store.subscribe, store.getAll, store.getAll);
}

/** A feed's items, newest first. */
export function useFeed<T>(store: FeedStore<T>): readonly T[] {
  return useSyncExternalStore(store.subscribe, store.getItems, store.getItems);
}

/** One heatmap cell: only this cell re-renders when a diff touches its key. */
export function useTile(store: HeatmapStore, symbol: string, key: string): HeatmapTile | undefined {
  const subscribe = useCallback((fn: () => void) => store.subscribeTile(symbol, key, fn), [store, symbol, key]);
  const get = useCallback(() => store.tile(symbol, key), [store, symbol, key]);
  return useSyncExternalStore(subscribe, get, get);
}

/** A number that changes when the grid's rows or columns may have changed (snapshot, new tiles). */
export function useHeatmapStructure(store: HeatmapStore): number {
  return useSyncExternalStore(store.structure.subscribe, store.getStructureVersion, store.getStructureVersion);
}
