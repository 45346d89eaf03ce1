import { describe, expect, it } from 'vitest';
import { analyze, TRADE_SHAPES, TRADE_SHAPES_CONVENTIONS } from '@marketswarm/shared/journal';
import { analyticsJson } from './analytics.json.js';

const conventions = { log: 'all', breakevenTolerance: 0, timeZone: 'America/New_York', startingCapital: 10_000 };

describe('analyticsJson', () => {
  const json = analyticsJson(analyze([TRADE_SHAPES.longFlyExpiredWorthless, TRADE_SHAPES.partialScaleOut], TRADE_SHAPES_CONVENTIONS), conventions);

  it('turns every micro-dollar amount into decimal dollars, keeping ratios and counts', () => {
    // nets −187.65 and +296.025: Σ 108.375; gross −185 + 300 = 115; fees 2.65 + 3.975 = 6.625
    expect(json.summary).toMatchObject({ trades: 2, wins: 1, losses: 1, grossPnl: 115, fees: 6.625, netPnl: 108.375, avgWin: 296.025, avgLoss: -187.65, winRate: 0.5 });
    // 108.375 / 2 = 54.1875
    expect(json.summary.expectancy).toBe(54.1875);
    // 10,000 − 187.65 is the only fall, recovered by the scale-out
    expect(json.summary.maxDrawdown).toBe(187.65);
    expect(json.conventions).toEqual(conventions);
  });

  it('renames the series fields without their Minor suffix', () => {
    expect(json.equity.map((p) => [p.net, p.cumulative, p.equity, p.peak, p.drawdown])).toEqual([
      [0, 0, 10_000, 10_000, 0],
      [-187.65, -187.65, 9_812.35, 10_000, 187.65],
      [296.025, 108.375, 10_108.375, 10_108.375, 0],
    ]);
    expect(json.drawdown).toEqual([expect.objectContaining({ peak: 10_000, trough: 9_812.35, amount: 187.65 })]);
    expect(json.daily.map((d) => d.net)).toEqual([-187.65, 0, 296.025]);
    expect(json.breakdowns.symbol.map((b) => [b.key, b.netPnl, b.expectancy])).toEqual([
      ['SPX', -187.65, -187.65],
      ['XSP', 296.025, 296.025],
    ]);
    expect(json.histogram.bins.reduce((n, b) => n + b.count, 0)).toBe(2);
    expect(json.histogram.bins[0]?.from).toBeLessThanOrEqual(-187.65);
  });
});
