import { describe, expect, it } from 'vitest';
import type { CrossingEntry } from './crossing-entry.js';
import { SortedLevels } from './sorted-levels.js';

function entry(id: string, level: number): CrossingEntry {
  return { id, userId: 'u', symbol: 'SPX', level, direction: 'cross' };
}

function ids(entries: CrossingEntry[]): string[] {
  return entries.map((found) => found.id);
}

describe(SortedLevels.name, () => {
  it('collects a rising range lowest level first, excluding the start and including the end', () => {
    const levels = new SortedLevels();
    for (const [id, level] of [['c', 30], ['a', 10], ['b', 20], ['d', 40]] as const) levels.insert(entry(id, level));
    const out: CrossingEntry[] = [];
    levels.collectRising(10, 30, out);
    expect(ids(out)).toEqual(['b', 'c']);
  });

  it('collects a falling range highest level first, excluding the start and including the end', () => {
    const levels = new SortedLevels();
    for (const [id, level] of [['c', 30], ['a', 10], ['b', 20], ['d', 40]] as const) levels.insert(entry(id, level));
    const out: CrossingEntry[] = [];
    levels.collectFalling(40, 20, out);
    expect(ids(out)).toEqual(['c', 'b']);
  });

  it('keeps many entries on one level apart by id and deletes exactly the one asked for', () => {
    const levels = new SortedLevels();
    for (const id of ['m', 'z', 'a', 'q']) levels.insert(entry(id, 25));
    expect(levels.delete(entry('q', 25))).toBe(true);
    const out: CrossingEntry[] = [];
    levels.collectRising(0, 100, out);
    expect(ids(out)).toEqual(['a', 'm', 'z']);
  });

  it('reports false when asked to delete an entry it does not hold at that level', () => {
    const levels = new SortedLevels();
    levels.insert(entry('a', 25));
    expect(levels.delete(entry('a', 26))).toBe(false);
    expect(levels.delete(entry('b', 25))).toBe(false);
    expect(levels.length).toBe(1);
  });

  it('keeps its order past its first capacity and while reusing the slots of removed entries', () => {
    const levels = new SortedLevels();
    const held = new Map<string, number>();
    for (let n = 0; n < 100; n++) {
      const id = `a${n}`;
      levels.insert(entry(id, (n * 37) % 50));
      held.set(id, (n * 37) % 50);
    }
    for (let n = 0; n < 100; n += 2) {
      expect(levels.delete(entry(`a${n}`, held.get(`a${n}`)!))).toBe(true);
      held.delete(`a${n}`);
    }
    for (let n = 0; n < 60; n++) {
      levels.insert(entry(`b${n}`, (n * 13) % 50));
      held.set(`b${n}`, (n * 13) % 50);
    }
    const out: CrossingEntry[] = [];
    levels.collectRising(-1, 100, out);
    const expected = [...held.entries()].sort(([a, x], [b, y]) => x - y || (a < b ? -1 : 1)).map(([id]) => id);
    expect(ids(out)).toEqual(expected);
    expect(levels.length).toBe(held.size);
  });
});
