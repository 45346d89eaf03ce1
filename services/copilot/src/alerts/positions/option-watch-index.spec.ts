import { describe, expect, it } from 'vitest';
import { OptionWatchIndex } from './option-watch-index.js';

describe(OptionWatchIndex.name, () => {
  it('finds the watchers of the options a diff touched, and only those', () => {
    const index = new OptionWatchIndex();
    index.set('fly', 'SPX', ['p5970', 'p5980', 'p5990']);
    index.set('vertical', 'SPX', ['c6000', 'c6010']);
    index.set('ndx', 'NDX', ['c6000']);
    expect(index.touched('SPX', ['p5980'])).toEqual(new Set(['fly']));
    expect(index.touched('SPX', ['c6000', 'p5970'])).toEqual(new Set(['fly', 'vertical']));
    expect(index.touched('SPX', ['c7000'])).toEqual(new Set());
    expect(index.all('SPX')).toEqual(new Set(['fly', 'vertical']));
  });

  it('forgets what a watcher watched before when it is set again or removed', () => {
    const index = new OptionWatchIndex();
    index.set('a', 'SPX', ['c6000']);
    index.set('a', 'NDX', ['c20000']);
    expect(index.touched('SPX', ['c6000'])).toEqual(new Set());
    expect(index.touched('NDX', ['c20000'])).toEqual(new Set(['a']));
    index.remove('a');
    expect(index.all('NDX')).toEqual(new Set());
    expect(index.size).toBe(0);
  });

  it('tells which underlyings somebody watches, so only their heatmaps are followed', () => {
    const index = new OptionWatchIndex();
    index.set('a', 'SPX', ['c6000']);
    index.set('b', 'NDX', ['c20000']);
    expect([...index.symbols()].sort()).toEqual(['NDX', 'SPX']);
    index.remove('b');
    expect(index.watches('SPX')).toBe(true);
    expect(index.watches('NDX')).toBe(false);
  });
});
