import type { CrossingEntry, CrossingLookup } from './crossing-entry.js';
import { assertFiniteLevel } from './finite-level.js';
import { SortedLevels } from './sorted-levels.js';

export type { CrossingDirection, CrossingEntry, CrossingLookup } from './crossing-entry.js';

/** One symbol's levels, split by which way of travel can fire them; `cross` sits in both. */
interface SymbolLevels {
  rising: SortedLevels;
  falling: SortedLevels;
}

/**
 * Crossing alerts indexed per symbol in sorted arrays, so a tick costs a binary search plus the
 * alerts it fires — O(log n + k) — instead of a look at every alert. Upserts and removals search
 * in O(log n) and shift a typed array (a memmove of a few thousand numbers, about a microsecond):
 * alerts change rarely next to 50 ticks a second, and a flat array keeps the read path to one
 * binary search over contiguous memory, where a tree would chase pointers.
 */
export class CrossingIndex implements CrossingLookup {
  private readonly byId = new Map<string, CrossingEntry>();
  private readonly bySymbol = new Map<string, SymbolLevels>();

  upsert(entry: CrossingEntry): void {
    assertFiniteLevel(entry);
    this.remove(entry.id);
    // A copy: the caller may reuse or edit its object, and a level changed behind the index's
    // back would leave the sorted arrays out of order.
    const stored: CrossingEntry = { ...entry };
    this.byId.set(stored.id, stored);
    const levels = this.levelsOf(stored.symbol, true);
    if (stored.direction !== 'below') levels.rising.insert(stored);
    if (stored.direction !== 'above') levels.falling.insert(stored);
  }

  remove(id: string): void {
    const stored = this.byId.get(id);
    if (stored === undefined) return;
    this.byId.delete(id);
    const levels = this.levelsOf(stored.symbol, false);
    if (levels === undefined) return;
    if (stored.direction !== 'below') levels.rising.delete(stored);
    if (stored.direction !== 'above') levels.falling.delete(stored);
    if (levels.rising.length === 0 && levels.falling.length === 0) this.bySymbol.delete(stored.symbol);
  }

  /** Every alert the move passed through, in the order the price met them. */
  crossed(symbol: string, from: number, to: number): CrossingEntry[] {
    const hits: CrossingEntry[] = [];
    const levels = this.bySymbol.get(symbol);
    if (levels === undefined) return hits;
    if (from < to) levels.rising.collectRising(from, to, hits);
    else if (from > to) levels.falling.collectFalling(from, to, hits);
    return hits;
  }

  size(): number {
    return this.byId.size;
  }

  private levelsOf(symbol: string, create: true): SymbolLevels;
  private levelsOf(symbol: string, create: false): SymbolLevels | undefined;
  private levelsOf(symbol: string, create: boolean): SymbolLevels | undefined {
    let levels = this.bySymbol.get(symbol);
    if (levels === undefined && create) {
      levels = { rising: new SortedLevels(), falling: new SortedLevels() };
      this.bySymbol.set(symbol, levels);
    }
    return levels;
  }
}
