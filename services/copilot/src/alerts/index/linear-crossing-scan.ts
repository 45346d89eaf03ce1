import type { CrossingEntry, CrossingLookup } from './crossing-entry.js';
import { movesThrough } from './crossing-rule.js';
import { assertFiniteLevel } from './finite-level.js';

/**
 * The straightforward evaluator: every tick looks at every alert. It is the reference the sorted
 * index is checked against (same answers) and the peer the benchmark measures it against.
 */
export class LinearCrossingScan implements CrossingLookup {
  private readonly entries = new Map<string, CrossingEntry>();

  upsert(entry: CrossingEntry): void {
    assertFiniteLevel(entry);
    // Delete first so a moved alert goes to the end, as a fresh insert would.
    this.entries.delete(entry.id);
    this.entries.set(entry.id, { ...entry });
  }

  remove(id: string): void {
    this.entries.delete(id);
  }

  crossed(symbol: string, from: number, to: number): CrossingEntry[] {
    const hits: CrossingEntry[] = [];
    for (const entry of this.entries.values()) {
      if (entry.symbol === symbol && movesThrough(entry.direction, entry.level, from, to)) hits.push(entry);
    }
    return hits;
  }

  size(): number {
    return this.entries.size;
  }
}
