import { describe, expect, it } from 'vitest';
import { LAYOUT_PREFERENCE_KEY, readSavedLayouts } from './layout-preference';

describe('readSavedLayouts', () => {
  it('reads the sizes saved for the current grid', () => {
    const saved = {
      top: { charts: 20, heatmap: 30, risk: 50 },
      rows: { top: 70, bottom: 30 },
      charts: { candles: 60, gex: 40 },
      bottom: { mode: 16, selector: 32, intel: 26, vexy: 26 },
    };
    expect(readSavedLayouts({ [LAYOUT_PREFERENCE_KEY]: saved })).toEqual(saved);
  });

  it('starts from the new defaults rather than the sizes saved when market mode sat under GEX', () => {
    const v2 = { charts: { candles: 44, gex: 32, mode: 24 }, bottom: { selector: 34, intel: 33, vexy: 33 }, rows: { top: 62, bottom: 38 } };
    expect(LAYOUT_PREFERENCE_KEY).not.toBe('layout.v2');
    expect(readSavedLayouts({ 'layout.v2': v2 })).toEqual({});
    expect(readSavedLayouts({ [LAYOUT_PREFERENCE_KEY]: v2 })).toEqual({ rows: { top: 62, bottom: 38 } });
  });

  it('ignores the layout saved by the old grid, whose groups held other panels', () => {
    const old = { top: { charts: 32, heatmap: 38, side: 30 }, side: { risk: 62, selector: 38 } };
    expect(readSavedLayouts({ layout: old })).toEqual({});
    // Even if it had been copied under the new key, a group with other panels is not handed on.
    expect(readSavedLayouts({ [LAYOUT_PREFERENCE_KEY]: old })).toEqual({});
  });

  it('drops a group with a missing or extra panel, or sizes that do not fill it, and keeps the others', () => {
    const saved = {
      top: { charts: 25, heatmap: 25 },
      bottom: { selector: 30, intel: 30, vexy: 30, extra: 10 },
      charts: { candles: 10, gex: 10, mode: 10 },
      rows: { top: 60, bottom: 40 },
    };
    expect(readSavedLayouts({ [LAYOUT_PREFERENCE_KEY]: saved })).toEqual({ rows: { top: 60, bottom: 40 } });
  });

  it('reads anything that is not sizes by panel as nothing saved', () => {
    expect(readSavedLayouts({})).toEqual({});
    expect(readSavedLayouts({ [LAYOUT_PREFERENCE_KEY]: 'wide' })).toEqual({});
    expect(readSavedLayouts({ [LAYOUT_PREFERENCE_KEY]: { top: { charts: 'a' } } })).toEqual({});
    expect(readSavedLayouts({ [LAYOUT_PREFERENCE_KEY]: [1, 2] })).toEqual({});
  });
});
