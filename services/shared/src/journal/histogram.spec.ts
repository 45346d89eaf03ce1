import { describe, expect, it } from 'vitest';
import { TRADE_SHAPES_LIST } from './fixtures/trade-shapes.js';
import { histogram, niceBinWidth } from './histogram.js';
import { toMinor } from './money.js';

const usd = toMinor;

describe(niceBinWidth.name, () => {
  it('picks the smallest 1-2-5 width covering the range in about 20 bins, one cent at least', () => {
    // range 394.70 + 555.30 = 950 → 47.50 per bin → $50
    expect(niceBinWidth(usd('950'))).toBe(usd('50'));
    expect(niceBinWidth(usd('40'))).toBe(usd('2'));
    expect(niceBinWidth(0)).toBe(usd('0.01'));
  });
});

describe(histogram.name, () => {
  it('counts net P&L in [k·w, (k+1)·w) bins aligned on 0, empty bins between included', () => {
    // range −555.30 … +394.70 = 950 → $50 bins from −600 to +400
    const h = histogram(TRADE_SHAPES_LIST);
    expect(h.binMinor).toBe(usd('50'));
    expect(h.bins).toHaveLength(20);
    expect(h.bins[0]).toEqual({ fromMinor: usd('-600'), toMinor: usd('-550'), count: 1, netMinor: usd('-555.30') });
    const nonEmpty = h.bins.filter((b) => b.count > 0).map((b) => [b.fromMinor, b.count]);
    expect(nonEmpty).toEqual([
      [usd('-600'), 1],
      [usd('-200'), 1],
      [usd('-150'), 1],
      [usd('-50'), 1],
      [usd('250'), 1],
      [usd('300'), 1],
      [usd('350'), 2],
    ]);
  });

  it('puts a trade at exactly 0 in the bin that starts at 0, with a stated width', () => {
    const zero = { ...TRADE_SHAPES_LIST[0]!, grossMinor: 0, feesMinor: 0, netMinor: 0 };
    expect(histogram([zero], usd('10')).bins).toEqual([{ fromMinor: 0, toMinor: usd('10'), count: 1, netMinor: 0 }]);
  });

  it('is empty without trades', () => {
    expect(histogram([]).bins).toEqual([]);
  });
});
