import { describe, expect, it } from 'vitest';
import { WhatIfStore } from '../../risk/what-if-store';
import { DEFAULT_SELECTION, HeatmapSelectionStore, heatmapSelectionFor } from './heatmap-selection';

describe(HeatmapSelectionStore.name, () => {
  it('starts at the butterfly calls of the nearest DTE', () => {
    expect(new HeatmapSelectionStore().get()).toEqual(DEFAULT_SELECTION);
  });

  it('merges a change and tells its listeners once', () => {
    const store = new HeatmapSelectionStore();
    const heard: string[] = [];
    store.subscribe(() => heard.push(store.get().family));
    store.set({ family: 'iron-fly', dte: 1 });
    expect(store.get()).toEqual({ family: 'iron-fly', side: 'call', dte: 1 });
    expect(heard).toEqual(['iron-fly']);
  });

  it('stays silent and keeps its object when nothing changed', () => {
    const store = new HeatmapSelectionStore();
    const before = store.get();
    let calls = 0;
    store.subscribe(() => calls++);
    store.set({ family: 'butterfly', side: 'call' });
    expect(calls).toBe(0);
    expect(store.get()).toBe(before);
  });

  it('stops telling a listener that unsubscribed', () => {
    const store = new HeatmapSelectionStore();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    off();
    store.set({ side: 'put' });
    expect(calls).toBe(0);
  });
});

describe(heatmapSelectionFor.name, () => {
  it('gives one selection per workspace, the same one each time', () => {
    const a = new WhatIfStore();
    const b = new WhatIfStore();
    expect(heatmapSelectionFor(a)).toBe(heatmapSelectionFor(a));
    heatmapSelectionFor(a).set({ family: 'vertical' });
    expect(heatmapSelectionFor(b).get().family).toBe('butterfly');
  });
});
