import type { CrossingEntry } from './crossing-entry.js';

/**
 * A NaN level would never compare true and, inside a sorted array, would break the order every
 * binary search relies on; refuse it where it enters rather than answer wrongly later.
 */
export function assertFiniteLevel(entry: CrossingEntry): void {
  if (!Number.isFinite(entry.level)) {
    throw new RangeError(`crossing alert ${entry.id}: level must be a finite number, got ${String(entry.level)}`);
  }
}
