import { describe, expect, it } from 'vitest';
import { SHOWN_HITS_KEY, SHOWN_HITS_MAX_AGE_MS, ShownHits } from './shown-hits';

class MemoryStorage {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}

const NOW = Date.UTC(2026, 0, 5, 15, 30);

describe(ShownHits.name, () => {
  it('lets a hit toast once, also for a page loaded later on the same storage (a reload)', () => {
    const storage = new MemoryStorage();
    expect(new ShownHits(storage).claim('hit-1', NOW)).toBe(true);
    const reloaded = new ShownHits(storage);
    expect(reloaded.claim('hit-1', NOW + 5_000)).toBe(false);
    expect(reloaded.claim('hit-2', NOW + 5_000)).toBe(true);
    expect(reloaded.claim('hit-2', NOW + 6_000)).toBe(false);
  });

  it('lets two tabs on one storage show a hit only once between them', () => {
    const storage = new MemoryStorage();
    const a = new ShownHits(storage);
    const b = new ShownHits(storage);
    expect(a.claim('hit-1', NOW)).toBe(true);
    expect(b.claim('hit-1', NOW + 10)).toBe(false);
  });

  it('keeps only the most recent ids, and forgets ids past the age limit', () => {
    const storage = new MemoryStorage();
    const hits = new ShownHits(storage, 3);
    for (const id of ['a', 'b', 'c', 'd']) hits.claim(id, NOW);
    expect((JSON.parse(storage.getItem(SHOWN_HITS_KEY)!) as [string, number][]).map(([id]) => id)).toEqual(['b', 'c', 'd']);
    const fresh = new ShownHits(storage, 3);
    expect(fresh.has('a', NOW)).toBe(false);
    expect(fresh.has('d', NOW)).toBe(true);
    expect(fresh.has('d', NOW + SHOWN_HITS_MAX_AGE_MS + 1)).toBe(false);
  });

  it('starts over from a damaged record, and still holds the rule for the page when storage is blocked', () => {
    const storage = new MemoryStorage();
    storage.setItem(SHOWN_HITS_KEY, '{not json');
    expect(new ShownHits(storage).claim('x', NOW)).toBe(true);
    const blocked = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      setItem: (): void => {
        throw new Error('SecurityError');
      },
    };
    const page = new ShownHits(blocked);
    expect(page.claim('y', NOW)).toBe(true);
    expect(page.claim('y', NOW)).toBe(false);
  });
});
