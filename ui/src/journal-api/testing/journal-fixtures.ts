import { analyticsSchema, tradeSchema, type AnalyticsDto, type TradeDto } from '@marketswarm/shared/dto';

/** Contract-checked fixtures for the journal pages' specs: each passes the shared schema the API answers with. */

const LOG = '11111111-1111-4111-8111-111111111111';
export const LOG_ID = LOG;

export function trade(overrides: Partial<TradeDto> = {}): TradeDto {
  return tradeSchema.parse({
    id: '22222222-2222-4222-8222-222222222222',
    logId: LOG,
    symbol: 'SPX',
    strategy: 'put credit spread',
    side: 'short',
    quantity: 1,
    status: 'closed',
    openedAt: Date.UTC(2026, 11, 1, 15, 0),
    closedAt: Date.UTC(2026, 11, 1, 19, 30),
    gross: 185,
    fees: 2.6,
    net: 182.4,
    risk: 315,
    r: 0.579048,
    notes: 'Faded the open.',
    tags: [{ id: '33333333-3333-4333-8333-333333333333', name: 'FOMC' }],
    marketAtEntry: { status: 'recorded', at: Date.UTC(2026, 11, 1, 15, 0), spot: 5921.5, vix: 14.2, gexRegime: 'positive', gexFlip: 5900, mode: 'compression' },
    legs: [
      { id: 'leg-1', index: 0, instrumentKind: 'option', symbol: 'SPXW 261201P05900000', expiry: '2026-12-01', strike: 5900, right: 'P', side: 'sell', quantity: 1, openPrice: 4.85, closePrice: 0.3, multiplier: 100, fills: [{ executionId: 'aaaaaaaa-0000-4000-8000-000000000001', quantity: 1 }] },
      { id: 'leg-2', index: 1, instrumentKind: 'option', symbol: 'SPXW 261201P05895000', expiry: '2026-12-01', strike: 5895, right: 'P', side: 'buy', quantity: 1, openPrice: 3.1, closePrice: 0.4, multiplier: 100, fills: [{ executionId: 'aaaaaaaa-0000-4000-8000-000000000002', quantity: 1 }] },
    ],
    createdAt: Date.UTC(2026, 11, 1, 20, 0),
    updatedAt: Date.UTC(2026, 11, 1, 20, 0),
    ...overrides,
  });
}

const bucket = (key: string, trades: number, wins: number, netPnl: number) => ({
  key,
  trades,
  wins,
  losses: trades - wins,
  breakeven: 0,
  winRate: wins / trades,
  winRateExBreakeven: wins / trades,
  grossPnl: netPnl + 2 * trades,
  fees: 2 * trades,
  netPnl,
  expectancy: netPnl / trades,
});

/** Three closed trades: +300, −120.5, +63.25 (net 242.75), no starting capital. */
export function analytics(): AnalyticsDto {
  const t0 = Date.UTC(2026, 11, 1, 15, 0);
  return analyticsSchema.parse({
    conventions: { log: 'all', breakevenTolerance: 0, timeZone: 'America/New_York', startingCapital: null },
    summary: {
      trades: 3,
      wins: 2,
      losses: 1,
      breakeven: 0,
      winRate: 2 / 3,
      winRateExBreakeven: 2 / 3,
      grossPnl: 248.75,
      fees: 6,
      netPnl: 242.75,
      grossWins: 363.25,
      grossLosses: -120.5,
      avgWin: 181.625,
      avgLoss: -120.5,
      payoffRatio: 1.507261,
      profitFactor: 3.014523,
      noLosers: false,
      expectancy: 80.916667,
      rTrades: 0,
      tradesWithoutRisk: 3,
      expectancyR: null,
      sqn: null,
      kelly: 0.445489,
      maxDrawdown: 120.5,
      maxDrawdownPct: null,
      maxDrawdownDurationMs: 86_400_000,
      maxDrawdownRecoveryMs: 3_600_000,
      tradingDays: 2,
      sharpe: 9.12,
      sortino: null,
      kRatio: 0.31,
      longestWinStreak: 1,
      longestLossStreak: 1,
    },
    equity: [
      { index: 0, at: t0, tradeId: null, net: 0, cumulative: 0, equity: 0, peak: 0, drawdown: 0 },
      { index: 1, at: t0 + 3_600_000, tradeId: 'a', net: 300, cumulative: 300, equity: 300, peak: 300, drawdown: 0 },
      { index: 2, at: t0 + 7_200_000, tradeId: 'b', net: -120.5, cumulative: 179.5, equity: 179.5, peak: 300, drawdown: 120.5 },
      { index: 3, at: t0 + 86_400_000, tradeId: 'c', net: 63.25, cumulative: 242.75, equity: 242.75, peak: 300, drawdown: 57.25 },
    ],
    drawdown: [{ peakAt: t0 + 3_600_000, peak: 300, troughAt: t0 + 7_200_000, trough: 179.5, amount: 120.5, pct: null, recoveredAt: null, durationMs: null, recoveryMs: null }],
    daily: [
      { date: '2026-12-01', net: 179.5, trades: 2 },
      { date: '2026-12-02', net: 63.25, trades: 1 },
    ],
    breakdowns: {
      entryHour: [bucket('10', 2, 1, 179.5), bucket('11', 1, 1, 63.25)],
      weekday: [bucket('Tue', 2, 1, 179.5), bucket('Wed', 1, 1, 63.25)],
      symbol: [bucket('SPX', 3, 2, 242.75)],
      tag: [bucket('FOMC', 1, 0, -120.5)],
      strategy: [bucket('put credit spread', 2, 2, 363.25), bucket('iron condor', 1, 0, -120.5)],
      dte: [bucket('0', 3, 2, 242.75)],
      side: [bucket('short', 3, 2, 242.75)],
      duration: [bucket('1-4h', 3, 2, 242.75)],
    },
    histogram: {
      bin: 50,
      bins: [
        { from: -150, to: -100, count: 1, net: -120.5 },
        { from: -100, to: -50, count: 0, net: 0 },
        { from: -50, to: 0, count: 0, net: 0 },
        { from: 0, to: 50, count: 0, net: 0 },
        { from: 50, to: 100, count: 1, net: 63.25 },
        { from: 100, to: 150, count: 0, net: 0 },
        { from: 150, to: 200, count: 0, net: 0 },
        { from: 200, to: 250, count: 0, net: 0 },
        { from: 250, to: 300, count: 0, net: 0 },
        { from: 300, to: 350, count: 1, net: 300 },
      ],
    },
  });
}
