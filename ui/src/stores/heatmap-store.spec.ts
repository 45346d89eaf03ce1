import type { HeatmapTile } from '@marketswarm/shared/models';
import { describe, expect, it } from 'vitest';
import { HeatmapStore } from './heatmap-store';

const tile = (strike: number, debit: number): HeatmapTile => ({
  key: `butterfly-call:0:10:${strike}`,
  strategy: 'butterfly-call',
  dte: 0,
  expiry: 0,
  width: 10,
  strike,
  debit,
  maxProfit: 10 - debit,
  maxLoss: debit,
  rewardRisk: (10 - debit) / debit,
});

const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 40));

describe('HeatmapStore change version', () => {
  it('moves on with every snapshot, diff and reset of that symbol only, and tells its listeners', async () => {
    const store = new HeatmapStore();
    let heard = 0;
    store.changes.subscribe(() => heard++);
    expect(store.changeVersion('SPX')).toBe(0);
    store.apply({ symbol: 'SPX', version: 1, kind: 'snapshot', tiles: { [tile(5000, 2).key]: tile(5000, 2) } });
    const afterSnapshot = store.changeVersion('SPX');
    expect(afterSnapshot).toBeGreaterThan(0);
    // A price-only diff changes no row or column, but the ideas must still see it.
    const structure = store.getStructureVersion();
    store.apply({ symbol: 'SPX', version: 2, kind: 'diff', tiles: { [tile(5000, 2.5).key]: tile(5000, 2.5) }, removed: [] });
    expect(store.getStructureVersion()).toBe(structure);
    expect(store.changeVersion('SPX')).toBeGreaterThan(afterSnapshot);
    expect(store.changeVersion('NDX')).toBe(0);
    const beforeReset = store.changeVersion('SPX');
    store.reset('SPX');
    expect(store.changeVersion('SPX')).toBeGreaterThan(beforeReset);
    await nextFrame();
    expect(heard).toBeGreaterThan(0);
  });

  it('does not move for a diff it already applied', () => {
    const store = new HeatmapStore();
    store.apply({ symbol: 'SPX', version: 2, kind: 'snapshot', tiles: {} });
    const before = store.changeVersion('SPX');
    store.apply({ symbol: 'SPX', version: 2, kind: 'diff', tiles: { [tile(5000, 2.5).key]: tile(5000, 2.5) }, removed: [] });
    expect(store.changeVersion('SPX')).toBe(before);
  });
});
