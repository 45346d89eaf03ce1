import { makeTile, type HeatmapTile, type PositionLeg } from '@marketswarm/shared/models';
import { describe, expect, it } from 'vitest';
import { WhatIfStore, untouchedTile } from './what-if-store';

const EXPIRY = Date.UTC(2026, 0, 2, 21);
const fly = (): HeatmapTile => {
  const t = makeTile('butterfly-call', 0, 10, 5000, 2.35, EXPIRY, 0.18);
  if (t === undefined) throw new Error('bad test tile');
  return t;
};
const condor: PositionLeg[] = [
  { type: 'put', strike: 4980, expiry: EXPIRY, quantity: 1, entryPrice: 0.8 },
  { type: 'put', strike: 4990, expiry: EXPIRY, quantity: -1, entryPrice: 1.6 },
  { type: 'call', strike: 5010, expiry: EXPIRY, quantity: -1, entryPrice: 1.5 },
  { type: 'call', strike: 5020, expiry: EXPIRY, quantity: 1, entryPrice: 0.7 },
];

describe(WhatIfStore.name, () => {
  it('adds a template-built position with its legs, name and IV, and no tile', () => {
    const store = new WhatIfStore();
    const p = store.addLegs({ symbol: 'SPX', name: 'Short iron condor 4990/5010', legs: condor, quantity: 2, iv: 0.15 }, 1);
    expect(store.getPositions()).toEqual([{ id: p.id, symbol: 'SPX', quantity: 2, addedAt: 1, legs: condor, name: 'Short iron condor 4990/5010', iv: 0.15 }]);
    expect(untouchedTile(p)).toBeUndefined();
  });

  it('replaces a tile what-if’s legs when the trader edits them, and stops claiming its tile', () => {
    const store = new WhatIfStore();
    const p = store.add('SPX', fly(), 1, 1);
    expect(store.tileKeys('SPX')).toEqual(new Set(['butterfly-call:0:10:5000']));
    const edited = condor.slice(0, 2);
    store.setLegs(p.id, edited);
    const after = store.getPositions()[0];
    expect(after?.legs).toEqual(edited);
    expect(after?.tile?.key).toBe('butterfly-call:0:10:5000');
    expect(store.tileKeys('SPX').size).toBe(0);
  });

  it('gives the tile keys of one symbol only', () => {
    const store = new WhatIfStore();
    store.add('SPX', fly());
    store.add('NDX', { ...fly(), key: 'butterfly-call:0:50:18000' });
    expect([...store.tileKeys('NDX')]).toEqual(['butterfly-call:0:50:18000']);
  });
});
