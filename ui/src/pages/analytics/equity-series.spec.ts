import { describe, expect, it } from 'vitest';
import { analytics } from '../../journal-api/testing/journal-fixtures';
import { equitySeries } from './equity-series';

describe(equitySeries.name, () => {
  it('gives equity and a downward drawdown per point, in whole seconds', () => {
    const { equity, drawdown } = equitySeries(analytics().equity);
    const t0 = Date.UTC(2026, 11, 1, 15, 0) / 1000;
    expect(equity).toEqual([
      { time: t0, value: 0 },
      { time: t0 + 3600, value: 300 },
      { time: t0 + 7200, value: 179.5 },
      { time: t0 + 86_400, value: 242.75 },
    ]);
    expect(drawdown.map((p) => p.value)).toEqual([0, 0, -120.5, -57.25]);
  });

  it('makes trades closed within one second one point, the last', () => {
    const base = { tradeId: null, net: 0, cumulative: 0, peak: 0 };
    const { equity } = equitySeries([
      { ...base, index: 0, at: 1_000, equity: 0, drawdown: 0 },
      { ...base, index: 1, at: 5_100, equity: 10, drawdown: 0 },
      { ...base, index: 2, at: 5_900, equity: 4, drawdown: 6 },
    ]);
    expect(equity).toEqual([
      { time: 1, value: 0 },
      { time: 5, value: 4 },
    ]);
  });
});
