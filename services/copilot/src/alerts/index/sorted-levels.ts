import type { CrossingEntry } from './crossing-entry.js';

/**
 * Entries kept sorted by (level, id) in two parallel arrays: a plain number array of levels for
 * the binary searches (V8 keeps it unboxed) and the entries themselves. The id breaks ties so an
 * entry among many on the same level is found by search, not by a walk.
 */
export class SortedLevels {
  private readonly levels: number[] = [];
  private readonly entries: CrossingEntry[] = [];

  get length(): number {
    return this.levels.length;
  }

  insert(entry: CrossingEntry): void {
    const at = this.positionOf(entry);
    this.levels.splice(at, 0, entry.level);
    this.entries.splice(at, 0, entry);
  }

  /** Removes the entry with this level and id; false when it is not there. */
  delete(entry: CrossingEntry): boolean {
    const at = this.positionOf(entry);
    const found = this.entries[at];
    if (found === undefined || found.id !== entry.id || found.level !== entry.level) return false;
    this.levels.splice(at, 1);
    this.entries.splice(at, 1);
    return true;
  }

  /** Appends, lowest level first, every entry with from < level <= to. */
  collectRising(from: number, to: number, out: CrossingEntry[]): void {
    for (let at = this.firstAbove(from); at < this.levels.length && this.levels[at]! <= to; at++) {
      out.push(this.entries[at]!);
    }
  }

  /** Appends, highest level first (the order a falling price meets them), every entry with to <= level < from. */
  collectFalling(from: number, to: number, out: CrossingEntry[]): void {
    const lowest = this.firstAtOrAbove(to);
    for (let at = this.firstAtOrAbove(from) - 1; at >= lowest; at--) out.push(this.entries[at]!);
  }

  /** First index whose level is > value. */
  private firstAbove(value: number): number {
    let low = 0;
    let high = this.levels.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.levels[mid]! <= value) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** First index whose level is >= value. */
  private firstAtOrAbove(value: number): number {
    let low = 0;
    let high = this.levels.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.levels[mid]! < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** First index whose (level, id) is >= the entry's: where it is, or where it belongs. */
  private positionOf(entry: CrossingEntry): number {
    let low = this.firstAtOrAbove(entry.level);
    let high = this.firstAbove(entry.level);
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.entries[mid]!.id < entry.id) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
