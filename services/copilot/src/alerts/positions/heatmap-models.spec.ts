import { describe, expect, it } from 'vitest';
import { legMid, makeTile, type HeatmapPayload, type HeatmapTile, type HeatmapTiles } from '@marketswarm/shared/models';
import { HeatmapModels, optionKeyOf } from './heatmap-models.js';

// 2026-12-07 16:00 New York (EST) is 21:00 UTC.
const EXPIRY = Date.UTC(2026, 11, 7, 21);
const DATE = '2026-12-07';

const single = (right: 'call' | 'put', strike: number, mid: number, iv?: number): HeatmapTile => {
  const tile = makeTile(right === 'call' ? 'single-call' : 'single-put', 0, 0, strike, mid, EXPIRY, iv);
  if (!tile) throw new Error('no tile');
  return tile;
};
const tiles = (...list: HeatmapTile[]): HeatmapTiles => Object.fromEntries(list.map((t) => [t.key, t]));
const snapshot = (version: number, ...list: HeatmapTile[]): HeatmapPayload => ({ symbol: 'SPX', version, kind: 'snapshot', tiles: tiles(...list) });
const diff = (version: number, list: HeatmapTile[], removed: string[] = []): HeatmapPayload => ({ symbol: 'SPX', version, kind: 'diff', tiles: tiles(...list), removed });

describe(HeatmapModels.name, () => {
  it('keeps each single tile\'s debit as its option\'s mid, keyed as legMid reads it', () => {
    const models = new HeatmapModels();
    models.apply(snapshot(1, single('call', 6000, 12.5, 0.18), single('put', 5990.5, 8.1)));
    expect(legMid(models.mids('SPX'), { expiry: DATE, right: 'call', strike: 6000 })).toBe(12.5);
    expect(legMid(models.mids('SPX'), { expiry: DATE, right: 'put', strike: 5990.5 })).toBe(8.1);
    expect(models.iv('SPX', { expiry: DATE, right: 'call', strike: 6000 })).toBe(0.18);
    expect(models.iv('SPX', { expiry: DATE, right: 'put', strike: 5990.5 })).toBeUndefined();
  });

  it('answers the options a diff changed or removed, and ignores the other tiles', () => {
    const models = new HeatmapModels();
    const put = single('put', 5990, 8);
    models.apply(snapshot(1, single('call', 6000, 12.5), put, single('call', 6010, 8)));
    const vertical = makeTile('vertical-call', 0, 10, 6000, 4.5, EXPIRY);
    const change = models.apply(diff(2, [single('call', 6000, 13), ...(vertical ? [vertical] : [])], [put.key]));
    expect(change).toEqual({ outcome: 'applied', full: false, changed: new Set([optionKeyOf({ expiry: DATE, right: 'call', strike: 6000 }), optionKeyOf({ expiry: DATE, right: 'put', strike: 5990 })]) });
    expect(legMid(models.mids('SPX'), { expiry: DATE, right: 'call', strike: 6000 })).toBe(13);
    expect(legMid(models.mids('SPX'), { expiry: DATE, right: 'put', strike: 5990 })).toBeUndefined();
    expect(models.version('SPX')).toBe(2);
  });

  it('skips a diff the model already holds and asks for the snapshot when one is missing', () => {
    const models = new HeatmapModels();
    expect(models.apply(diff(1, [single('call', 6000, 12)]))).toEqual({ outcome: 'gap' });
    models.apply(snapshot(5, single('call', 6000, 12.5)));
    expect(models.apply(diff(5, [single('call', 6000, 99)]))).toEqual({ outcome: 'stale', changed: new Set([optionKeyOf({ expiry: DATE, right: 'call', strike: 6000 })]) });
    expect(models.apply(diff(7, [single('call', 6000, 99)]))).toEqual({ outcome: 'gap' });
    expect(legMid(models.mids('SPX'), { expiry: DATE, right: 'call', strike: 6000 })).toBe(12.5);
  });

  it('replaces the model on a snapshot in the stream, even at a lower version (the producer started over)', () => {
    const models = new HeatmapModels();
    models.apply(snapshot(9, single('call', 6000, 12.5)));
    const change = models.apply(snapshot(1, single('call', 6010, 8)));
    expect(change).toMatchObject({ outcome: 'applied', full: true });
    expect(change.outcome === 'applied' && [...change.changed].length).toBe(2);
    expect(legMid(models.mids('SPX'), { expiry: DATE, right: 'call', strike: 6000 })).toBeUndefined();
    expect(models.version('SPX')).toBe(1);
  });
});
