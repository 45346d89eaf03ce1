import type { CrossingEntry } from './crossing-entry.js';

const INITIAL_CAPACITY = 16;

/**
 * Entries kept sorted by (level, id). The sorted order lives in two typed arrays — the levels and,
 * beside each, the slot of its entry in a table — so an insert or a removal moves raw numbers with
 * one `copyWithin` (a memmove). Splicing a plain array of objects instead costs about 15× more at
 * 10k entries, because every moved pointer goes through the garbage collector's write barrier;
 * the entries themselves never move. The id breaks level ties, so one entry among many on the same
 * level is found by binary search, not by a walk.
 */
export class SortedLevels {
  private levels = new Float64Array(INITIAL_CAPACITY);
  private slots = new Int32Array(INITIAL_CAPACITY);
  private count = 0;
  private readonly table: (CrossingEntry | undefined)[] = [];
  private readonly freeSlots: number[] = [];

  get length(): number {
    return this.count;
  }

  insert(entry: CrossingEntry): void {
    if (this.count === this.levels.length) this.grow();
    const at = this.positionOf(entry);
    const slot = this.freeSlots.pop() ?? this.table.length;
    this.table[slot] = entry;
    this.levels.copyWithin(at + 1, at, this.count);
    this.slots.copyWithin(at + 1, at, this.count);
    this.levels[at] = entry.level;
    this.slots[at] = slot;
    this.count++;
  }

  /** Removes the entry with this level and id; false when it is not there. */
  delete(entry: CrossingEntry): boolean {
    const at = this.positionOf(entry);
    if (at >= this.count || this.levels[at] !== entry.level) return false;
    const slot = this.slots[at]!;
    if (this.table[slot]?.id !== entry.id) return false;
    this.table[slot] = undefined;
    this.freeSlots.push(slot);
    this.levels.copyWithin(at, at + 1, this.count);
    this.slots.copyWithin(at, at + 1, this.count);
    this.count--;
    return true;
  }

  /** Appends, lowest level first, every entry with from < level <= to. */
  collectRising(from: number, to: number, out: CrossingEntry[]): void {
    for (let at = this.firstAbove(from); at < this.count && this.levels[at]! <= to; at++) out.push(this.entryAt(at));
  }

  /** Appends, highest level first (the order a falling price meets them), every entry with to <= level < from. */
  collectFalling(from: number, to: number, out: CrossingEntry[]): void {
    const lowest = this.firstAtOrAbove(to);
    for (let at = this.firstAtOrAbove(from) - 1; at >= lowest; at--) out.push(this.entryAt(at));
  }

  private entryAt(at: number): CrossingEntry {
    return this.table[this.slots[at]!]!;
  }

  private grow(): void {
    const levels = new Float64Array(this.levels.length * 2);
    const slots = new Int32Array(this.slots.length * 2);
    levels.set(this.levels);
    slots.set(this.slots);
    this.levels = levels;
    this.slots = slots;
  }

  /** First index whose level is > value. */
  private firstAbove(value: number): number {
    let low = 0;
    let high = this.count;
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
    let high = this.count;
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
      if (this.entryAt(mid).id < entry.id) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
