import { describe, expect, it } from 'vitest';
import { CrossingIndex, type CrossingEntry } from './crossing-index.js';
import { LinearCrossingScan } from './linear-crossing-scan.js';

/** mulberry32: a seeded generator, so a failure replays exactly. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYMBOLS = ['SPX', 'NDX', 'SPY'];
const DIRECTIONS: CrossingEntry['direction'][] = ['above', 'below', 'cross'];

function sortedIds(entries: CrossingEntry[]): string[] {
  return entries.map((hit) => hit.id).sort();
}

describe('CrossingIndex against LinearCrossingScan', () => {
  it.each([1, 7, 42, 2026])('returns exactly the linear scan’s alerts for random alerts, edits and moves (seed %i)', (seed) => {
    const random = seededRandom(seed);
    const index = new CrossingIndex();
    const scan = new LinearCrossingScan();
    // Levels on a coarse grid of 0.5 points so equal levels, exact touches and shared levels are common.
    const level = (): number => 90 + Math.round(random() * 40) / 2;
    const prices = new Map(SYMBOLS.map((symbol) => [symbol, 100]));
    let fired = 0;

    for (let step = 0; step < 3000; step++) {
      const roll = random();
      if (roll < 0.5) {
        const entry: CrossingEntry = {
          id: `a${Math.floor(random() * 400)}`,
          userId: `u${Math.floor(random() * 20)}`,
          symbol: SYMBOLS[Math.floor(random() * SYMBOLS.length)]!,
          level: level(),
          direction: DIRECTIONS[Math.floor(random() * DIRECTIONS.length)]!,
        };
        index.upsert(entry);
        scan.upsert(entry);
      } else if (roll < 0.6) {
        const id = `a${Math.floor(random() * 450)}`;
        index.remove(id);
        scan.remove(id);
      } else {
        const symbol = SYMBOLS[Math.floor(random() * SYMBOLS.length)]!;
        const from = prices.get(symbol)!;
        // Mostly small steps, now and then a gap across much of the grid or no move at all.
        const gap = random() < 0.1 ? (random() - 0.5) * 30 : (random() - 0.5) * 3;
        const to = random() < 0.05 ? from : Math.round((from + gap) * 4) / 4;
        prices.set(symbol, to);
        const expected = sortedIds(scan.crossed(symbol, from, to));
        expect(sortedIds(index.crossed(symbol, from, to))).toEqual(expected);
        fired += expected.length;
      }
      expect(index.size()).toBe(scan.size());
    }
    // The walk must actually exercise firing, or the comparison proves nothing.
    expect(fired).toBeGreaterThan(100);
  });
});
