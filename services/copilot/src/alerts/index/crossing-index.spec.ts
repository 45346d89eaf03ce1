import { describe, expect, it } from 'vitest';
import { CrossingIndex, type CrossingEntry } from './crossing-index.js';

function alert(id: string, level: number, direction: CrossingEntry['direction'], symbol = 'SPX'): CrossingEntry {
  return { id, userId: `user-${id}`, symbol, level, direction };
}

function ids(entries: CrossingEntry[]): string[] {
  return entries.map((found) => found.id);
}

describe(CrossingIndex.name, () => {
  it('fires an above alert when the price rises through its level, and not when it falls through it', () => {
    const index = new CrossingIndex();
    index.upsert(alert('a', 5000, 'above'));
    expect(ids(index.crossed('SPX', 4995, 5005))).toEqual(['a']);
    expect(ids(index.crossed('SPX', 5005, 4995))).toEqual([]);
  });

  it('fires a below alert when the price lands exactly on its level from above', () => {
    const index = new CrossingIndex();
    index.upsert(alert('b', 5000, 'below'));
    expect(ids(index.crossed('SPX', 5001, 5000))).toEqual(['b']);
    expect(ids(index.crossed('SPX', 5000, 4999))).toEqual([]);
  });

  it('fires a cross alert in both directions', () => {
    const index = new CrossingIndex();
    index.upsert(alert('c', 5000, 'cross'));
    expect(ids(index.crossed('SPX', 4999, 5001))).toEqual(['c']);
    expect(ids(index.crossed('SPX', 5001, 4999))).toEqual(['c']);
  });

  it('returns every level a gap passed, in the order the price met them', () => {
    const index = new CrossingIndex();
    for (const level of [5010, 5000, 5020, 5030]) index.upsert(alert(`up-${level}`, level, 'above'));
    for (const level of [5010, 5000, 5020]) index.upsert(alert(`down-${level}`, level, 'below'));
    expect(ids(index.crossed('SPX', 4990, 5025))).toEqual(['up-5000', 'up-5010', 'up-5020']);
    expect(ids(index.crossed('SPX', 5025, 4990))).toEqual(['down-5020', 'down-5010', 'down-5000']);
  });

  it('returns nothing when the price does not move', () => {
    const index = new CrossingIndex();
    index.upsert(alert('c', 5000, 'cross'));
    expect(index.crossed('SPX', 5000, 5000)).toEqual([]);
  });

  it('keeps symbols apart', () => {
    const index = new CrossingIndex();
    index.upsert(alert('spx', 500, 'cross', 'SPX'));
    index.upsert(alert('spy', 500, 'cross', 'SPY'));
    expect(ids(index.crossed('SPY', 499, 501))).toEqual(['spy']);
    expect(index.crossed('NDX', 499, 501)).toEqual([]);
  });

  it('fires every alert on a shared level', () => {
    const index = new CrossingIndex();
    for (const id of ['x', 'y', 'z']) index.upsert(alert(id, 5000, 'above'));
    expect(ids(index.crossed('SPX', 4999, 5000)).sort()).toEqual(['x', 'y', 'z']);
  });

  it('moves an alert to its new level and direction when it is upserted again', () => {
    const index = new CrossingIndex();
    index.upsert(alert('a', 5000, 'above'));
    index.upsert(alert('a', 5100, 'below'));
    expect(index.size()).toBe(1);
    expect(index.crossed('SPX', 4990, 5010)).toEqual([]);
    expect(ids(index.crossed('SPX', 5110, 5090))).toEqual(['a']);
  });

  it('moves an alert to another symbol when it is upserted with one', () => {
    const index = new CrossingIndex();
    index.upsert(alert('a', 500, 'cross', 'SPY'));
    index.upsert(alert('a', 500, 'cross', 'QQQ'));
    expect(index.crossed('SPY', 499, 501)).toEqual([]);
    expect(ids(index.crossed('QQQ', 499, 501))).toEqual(['a']);
  });

  it('forgets a removed alert and ignores the removal of an id it never held', () => {
    const index = new CrossingIndex();
    index.upsert(alert('a', 5000, 'cross'));
    index.upsert(alert('b', 5000, 'cross'));
    index.remove('a');
    index.remove('never-there');
    expect(index.size()).toBe(1);
    expect(ids(index.crossed('SPX', 4999, 5001))).toEqual(['b']);
  });

  it('is not disturbed when the caller edits the object it upserted', () => {
    const index = new CrossingIndex();
    const entry = alert('a', 5000, 'above');
    index.upsert(entry);
    entry.level = 6000;
    expect(ids(index.crossed('SPX', 4999, 5001))).toEqual(['a']);
    index.remove('a');
    expect(index.size()).toBe(0);
  });

  it('refuses a level that is not a finite number', () => {
    const index = new CrossingIndex();
    expect(() => index.upsert(alert('a', Number.NaN, 'above'))).toThrow(/level must be a finite number/);
    expect(index.size()).toBe(0);
  });
});
