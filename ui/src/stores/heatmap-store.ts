import type { HeatmapPayload, HeatmapTile } from '@marketswarm/shared/models';
import { FrameNotifier } from './frame-notifier';

interface SymbolGrid {
  version: number;
  tiles: Map<string, HeatmapTile>;
}

/**
 * Heatmap tiles per symbol, kept as mutable maps because a snapshot has thousands of tiles and a
 * diff touches a few: each cell subscribes to its own key and only changed cells re-render.
 * A diff that does not follow the version we hold means a gap: the store asks for a resync once,
 * keeps the diffs that arrive meanwhile, and replays the newer ones on top of the snapshot.
 */
export class HeatmapStore {
  private readonly grids = new Map<string, SymbolGrid>();
  private readonly keyListeners = new Map<string, Set<() => void>>();
  private readonly pendingKeys = new Set<string>();
  /** Symbols waiting for a resync snapshot, with the diffs that arrived meanwhile. */
  private readonly resyncing = new Map<string, HeatmapPayload[]>();
  /** Whole-grid changes (new snapshot, symbol appears): the layout of rows and columns may change. */
  readonly structure = new FrameNotifier();
  private readonly cells = new FrameNotifier();
  /** Any change to any symbol's tiles, for views that read many tiles at once (the trade ideas). */
  readonly changes = new FrameNotifier();
  private readonly changeVersions = new Map<string, number>();
  private structureVersion = 0;

  constructor(private readonly onGap: (symbol: string) => void = () => undefined) {
    this.cells.subscribe(() => {
      const keys = [...this.pendingKeys];
      this.pendingKeys.clear();
      for (const key of keys) for (const fn of this.keyListeners.get(key) ?? []) fn();
    });
  }

  apply(payload: HeatmapPayload): void {
    const { symbol } = payload;
    const grid = this.grids.get(symbol);
    if (payload.kind === 'snapshot') {
      // A slow resync answer must not roll a newer grid back.
      if (grid !== undefined && payload.version < grid.version) return;
      this.replaceGrid(payload, grid);
      const buffered = this.resyncing.get(symbol);
      this.resyncing.delete(symbol);
      // Diffs that arrived during the resync: older ones are skipped, newer ones follow on.
      for (const diff of buffered ?? []) this.apply(diff);
      return;
    }
    const buffered = this.resyncing.get(symbol);
    if (buffered !== undefined) {
      buffered.push(payload);
      return;
    }
    if (grid !== undefined && payload.version <= grid.version) return; // already applied (a replay after resume)
    if (grid === undefined || payload.version !== grid.version + 1) {
      this.resyncing.set(symbol, [payload]);
      this.onGap(symbol);
      return;
    }
    this.applyDiff(payload, grid);
  }

  /** The resync asked for by `onGap` is over (applied or failed): the next gap may ask again. */
  endResync(symbol: string): void {
    this.resyncing.delete(symbol);
  }

  private replaceGrid(payload: HeatmapPayload, old: SymbolGrid | undefined): void {
    const tiles = new Map(Object.entries(payload.tiles));
    this.grids.set(payload.symbol, { version: payload.version, tiles });
    for (const key of new Set([...tiles.keys(), ...(old?.tiles.keys() ?? [])])) this.touch(payload.symbol, key);
    this.changed(payload.symbol);
    this.structureVersion++;
    this.structure.notify();
  }

  private applyDiff(payload: HeatmapPayload, grid: SymbolGrid): void {
    grid.version = payload.version;
    let added = false;
    for (const key of payload.removed ?? []) {
      if (grid.tiles.delete(key)) this.touch(payload.symbol, key);
      added = true;
    }
    for (const [key, tile] of Object.entries(payload.tiles)) {
      if (!grid.tiles.has(key)) added = true;
      grid.tiles.set(key, tile);
      this.touch(payload.symbol, key);
    }
    this.changed(payload.symbol);
    if (added) {
      this.structureVersion++;
      this.structure.notify();
    }
  }

  /** Forget a symbol (its stream was reset): the next snapshot starts it over. */
  reset(symbol?: string): void {
    if (symbol === undefined) {
      this.grids.clear();
      this.resyncing.clear();
    } else {
      this.grids.delete(symbol);
      this.resyncing.delete(symbol);
    }
    this.changed(symbol);
    this.structureVersion++;
    this.structure.notify();
  }

  tile(symbol: string, key: string): HeatmapTile | undefined {
    return this.grids.get(symbol)?.tiles.get(key);
  }

  tiles(symbol: string): ReadonlyMap<string, HeatmapTile> | undefined {
    return this.grids.get(symbol)?.tiles;
  }

  version(symbol: string): number | undefined {
    return this.grids.get(symbol)?.version;
  }

  /** Changes whenever rows or columns may have changed; a cheap snapshot for useSyncExternalStore. */
  getStructureVersion = (): number => this.structureVersion;

  subscribeTile(symbol: string, key: string, listener: () => void): () => void {
    const id = `${symbol} ${key}`;
    let set = this.keyListeners.get(id);
    if (!set) this.keyListeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.keyListeners.delete(id);
    };
  }

  /** Changes whenever `symbol`'s tiles changed in any way (a snapshot, a diff, a reset); 0 before any. */
  changeVersion(symbol: string): number {
    return this.changeVersions.get(symbol) ?? 0;
  }

  private changed(symbol: string | undefined): void {
    if (symbol === undefined) for (const key of this.changeVersions.keys()) this.changeVersions.set(key, this.changeVersion(key) + 1);
    else this.changeVersions.set(symbol, this.changeVersion(symbol) + 1);
    this.changes.notify();
  }

  private touch(symbol: string, key: string): void {
    const id = `${symbol} ${key}`;
    if (!this.keyListeners.has(id)) return;
    this.pendingKeys.add(id);
    this.cells.notify();
  }
}
