import { describe, expect, it } from 'vitest';
import { analyze } from './analytics.js';
import { byCloseTime, type ClosedTrade } from './closed-trade.js';
import { dailyPnl } from './daily-pnl.js';
import { drawdowns } from './drawdowns.js';
import { equityCurve } from './equity-curve.js';
import { TRADE_SHAPES, TRADE_SHAPES_CONVENTIONS, TRADE_SHAPES_LIST, TRADE_SHAPES_SUMMARY } from './fixtures/trade-shapes.js';
import { kRatio } from './k-ratio.js';
import { toMinor } from './money.js';
import { summarize } from './summary.js';

const usd = toMinor;
const HOUR = 3_600_000;

describe(summarize.name, () => {
  it('matches the contract fixture on every summary field: money exactly, ratios to 9 decimals', () => {
    const summary = summarize(TRADE_SHAPES_LIST, TRADE_SHAPES_CONVENTIONS);
    // The contract lists every field, so a field added to the summary without an expected value fails here.
    expect(Object.keys(summary).sort()).toEqual(Object.keys(TRADE_SHAPES_SUMMARY).sort());
    for (const [field, expected] of Object.entries(TRADE_SHAPES_SUMMARY)) {
      const actual = summary[field as keyof typeof summary];
      if (typeof expected === 'number' && !Number.isInteger(expected)) expect(actual, field).toBeCloseTo(expected, 9);
      else expect(actual, field).toBe(expected);
    }
  });

  it('keeps fractions of a cent in the fee sum: 6 contract-sides × $0.6625 = $3.975', () => {
    expect(TRADE_SHAPES.partialScaleOut.feesMinor).toBe(3_975_000);
    expect(TRADE_SHAPES.partialScaleOut.netMinor).toBe(296_025_000);
  });

  it('charges a 1-2-1 fly 4 contracts each way: 2 flies × 4 × 2 sides × $0.6625 = $10.60', () => {
    expect(TRADE_SHAPES.oneTwoOneFlyFees.feesMinor).toBe(usd('10.60'));
  });

  it('treats a scratch trade inside the break-even tolerance as neither win nor loss, and it ends the loss streak', () => {
    // $2 tolerance: the re-entry (−1.325) becomes break-even; the outcomes read L W W W L B W L
    const s = summarize(TRADE_SHAPES_LIST, { ...TRADE_SHAPES_CONVENTIONS, breakevenToleranceMinor: usd('2') });
    expect([s.wins, s.losses, s.breakeven]).toEqual([4, 3, 1]);
    expect(s.winRate).toBe(4 / 8);
    expect(s.winRateExBreakeven).toBeCloseTo(4 / 7, 12);
    // −187.65 − 101.325 − 555.30 = −844.275 over 3 losers = −281.425
    expect(s.grossLosses).toBe(usd('-844.275'));
    expect(s.avgLoss).toBe(usd('-281.425'));
    // 1388.80 / 844.275
    expect(s.profitFactor).toBeCloseTo(1388.8 / 844.275, 12);
    expect(s.longestLossStreak).toBe(1);
    // money totals do not depend on the tolerance
    expect(s.netPnl).toBe(usd('543.20'));
  });

  it('reports profit factor null with the noLosers flag when nothing lost, never a division by zero', () => {
    const s = summarize([TRADE_SHAPES.creditVerticalClosedEarly, TRADE_SHAPES.oneTwoOneFlyFees], TRADE_SHAPES_CONVENTIONS);
    expect(s.profitFactor).toBeNull();
    expect(s.noLosers).toBe(true);
    expect(s.payoffRatio).toBeNull();
    expect(s.kelly).toBeNull();
    expect(s.avgLoss).toBeNull();
    expect(s.winRate).toBe(1);
  });

  it('reports a profit factor of 0 when nothing won', () => {
    const s = summarize([TRADE_SHAPES.longFlyExpiredWorthless, TRADE_SHAPES.losingIronCondor]);
    expect(s.profitFactor).toBe(0);
    expect(s.noLosers).toBe(false);
    expect(s.payoffRatio).toBeNull();
    expect(s.longestLossStreak).toBe(2);
  });

  it('summarizes no trades as zeros and nulls', () => {
    const s = summarize([]);
    expect([s.trades, s.grossPnl, s.netPnl, s.maxDrawdown, s.tradingDays, s.longestWinStreak]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([s.winRate, s.winRateExBreakeven, s.expectancy, s.expectancyR, s.sqn, s.sharpe, s.sortino, s.kRatio, s.profitFactor]).toEqual([null, null, null, null, null, null, null, null, null]);
    expect(s.noLosers).toBe(false);
  });

  it('has no drawdown percentage without a starting capital, but the same amount', () => {
    const s = summarize(TRADE_SHAPES_LIST);
    expect(s.maxDrawdown).toBe(usd('555.30'));
    expect(s.maxDrawdownPct).toBeNull();
  });

  it('leaves trades without a defined risk out of the R statistics and counts them', () => {
    const s = summarize([{ ...TRADE_SHAPES.partialScaleOut, riskMinor: null }, TRADE_SHAPES.creditVerticalClosedEarly]);
    expect([s.rTrades, s.tradesWithoutRisk]).toEqual([1, 1]);
    // 394.70 / 1500
    expect(s.expectancyR).toBeCloseTo(0.263133333333, 12);
    // one R: no sample standard deviation, no SQN
    expect(s.sqn).toBeNull();
  });

  it('does not depend on the order the trades are given in', () => {
    const reversed = summarize([...TRADE_SHAPES_LIST].reverse(), TRADE_SHAPES_CONVENTIONS);
    expect(reversed).toEqual(summarize(TRADE_SHAPES_LIST, TRADE_SHAPES_CONVENTIONS));
  });

  it('refuses a trade whose net is not gross − fees, or money that is not whole micro-dollars', () => {
    const bad: ClosedTrade = { ...TRADE_SHAPES.losingIronCondor, netMinor: usd('-555') };
    expect(() => summarize([bad])).toThrow(/netMinor/);
    expect(() => summarize([{ ...TRADE_SHAPES.losingIronCondor, grossMinor: 0.5, feesMinor: 0, netMinor: 0.5 }])).toThrow(/safe integer/);
  });
});

describe(equityCurve.name, () => {
  it('adds net P&L by close time from an origin at the earliest entry', () => {
    const curve = equityCurve(TRADE_SHAPES_LIST, usd('10000'));
    expect(curve[0]).toMatchObject({ index: 0, at: TRADE_SHAPES.longFlyExpiredWorthless.openedAt, equityMinor: usd('10000') });
    expect(curve.map((p) => p.cumulativeMinor)).toEqual(['0', '-187.65', '207.05', '546.45', '842.475', '741.15', '739.825', '1098.5', '543.2'].map(usd));
    expect(curve.at(-1)).toMatchObject({ tradeId: 'losing-iron-condor', peakMinor: usd('11098.50'), drawdownMinor: usd('555.30') });
  });
});

describe(drawdowns.name, () => {
  it('lists each fall below a peak with its trough, recovery and duration; the open one has none', () => {
    const periods = drawdowns(equityCurve(TRADE_SHAPES_LIST, usd('10000')), true);
    expect(periods.map((d) => [d.amountMinor, d.durationMs, d.recoveryMs])).toEqual([
      // origin Mon 10:05 → trough Mon 16:00 → recovered Tue 13:30
      [usd('187.65'), 27 * HOUR + 25 * 60_000, 21.5 * HOUR],
      // peak Wed 11:45 → trough Thu 10:55 → recovered Mon 16:00
      [usd('102.65'), (5 * 24 + 4.25) * HOUR, (4 * 24 + 5) * HOUR + 5 * 60_000],
      // peak Mon 7 Dec 16:00 → Tue 15:00, not recovered
      [usd('555.30'), null, null],
    ]);
    expect(periods[0]?.pct).toBeCloseTo(1.8765, 12);
    expect(periods[2]?.recoveredAt).toBeNull();
  });
});

describe(dailyPnl.name, () => {
  it('groups closes by New York date and fills flat weekdays with 0, skipping the weekend', () => {
    expect(dailyPnl(TRADE_SHAPES_LIST, 'America/New_York').map((d) => [d.date, d.netMinor, d.trades])).toEqual([
      ['2026-11-30', usd('-187.65'), 1],
      ['2026-12-01', usd('734.10'), 2],
      ['2026-12-02', usd('296.025'), 1],
      ['2026-12-03', usd('-102.65'), 2],
      ['2026-12-04', 0, 0],
      ['2026-12-07', usd('358.675'), 1],
      ['2026-12-08', usd('-555.30'), 1],
    ]);
  });

  it('puts a 16:00 New York close on its New York date although it is 21:00 UTC, and keeps a Sunday close', () => {
    const sundayEvening = { ...TRADE_SHAPES.losingIronCondor, openedAt: Date.parse('2026-12-06T18:05:00-05:00'), closedAt: Date.parse('2026-12-06T19:30:00-05:00') };
    expect(dailyPnl([TRADE_SHAPES.spxCashSettlement, sundayEvening], 'America/New_York').map((d) => d.date)).toEqual(['2026-12-06', '2026-12-07']);
  });
});

describe('daily Sharpe and Sortino', () => {
  it('are null from a single day (no sample standard deviation) and Sortino is null without a losing day', () => {
    const oneDay = summarize([TRADE_SHAPES.creditVerticalClosedEarly, TRADE_SHAPES.oneTwoOneFlyFees]);
    expect([oneDay.tradingDays, oneDay.sharpe, oneDay.sortino]).toEqual([1, null, null]);
    // Mon +296.025 (scale-out moved to Monday), Tue +734.10: no downside, Sharpe still defined
    const monday = { ...TRADE_SHAPES.partialScaleOut, openedAt: Date.parse('2026-11-30T10:30:00-05:00'), closedAt: Date.parse('2026-11-30T11:45:00-05:00') };
    const twoDays = summarize([monday, TRADE_SHAPES.creditVerticalClosedEarly, TRADE_SHAPES.oneTwoOneFlyFees]);
    expect(twoDays.sortino).toBeNull();
    // mean 515.0625, sample sd |734.10 − 296.025| / √2 = 309.761451 → × √252
    expect(twoDays.sharpe).toBeCloseTo((515.0625 / (438.075 / Math.SQRT2)) * Math.sqrt(252), 9);
  });
});

describe(kRatio.name, () => {
  it('is null for a perfectly straight equity line (zero standard error) and below three trades', () => {
    expect(kRatio([100, 200, 300, 400])).toBeNull();
    expect(kRatio([100, 200])).toBeNull();
  });

  it('is slope / (se × √n): cumulative 1, 3, 2 → slope 0.5, SSR 1.5, se = √(1.5 / 1 / 2) → K = 0.5 / (0.866025 × √3) = 1/3', () => {
    expect(kRatio([1, 3, 2])).toBeCloseTo(1 / 3, 12);
  });
});

describe(analyze.name, () => {
  it('returns summary, equity, drawdowns, daily P&L, breakdowns and histogram from one call', () => {
    const a = analyze(TRADE_SHAPES_LIST, TRADE_SHAPES_CONVENTIONS);
    expect(a.summary.netPnl).toBe(usd('543.20'));
    expect(a.equity).toHaveLength(9);
    expect(a.drawdown).toHaveLength(3);
    expect(a.daily).toHaveLength(7);
    expect(a.breakdowns.symbol.map((b) => [b.key, b.trades])).toEqual([
      ['SPX', 7],
      ['XSP', 1],
    ]);
    expect(a.histogram.bins.reduce((n, b) => n + b.count, 0)).toBe(8);
  });

  it('gives the same answer for trades already in close order (no sort) as for the same trades shuffled', () => {
    const inOrder = [...TRADE_SHAPES_LIST].sort(byCloseTime);
    const shuffled = [inOrder[3], inOrder[0], inOrder[7], inOrder[1], inOrder[5], inOrder[2], inOrder[6], inOrder[4]].filter((t): t is ClosedTrade => t !== undefined);
    expect(shuffled.map((t) => t.id)).not.toEqual(inOrder.map((t) => t.id));
    expect(analyze(inOrder, TRADE_SHAPES_CONVENTIONS)).toEqual(analyze(shuffled, TRADE_SHAPES_CONVENTIONS));
  });
});
