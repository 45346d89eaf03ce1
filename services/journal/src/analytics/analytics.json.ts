import type { AnalyticsDto } from '@marketswarm/shared/dto';
import { fromMinor, type Analytics, type BreakdownBucket, type Breakdowns } from '@marketswarm/shared/journal';

const money = fromMinor;
const moneyOrNull = (minor: number | null): number | null => (minor === null ? null : fromMinor(minor));

function bucketJson(b: BreakdownBucket): AnalyticsDto['breakdowns']['symbol'][number] {
  return { ...b, grossPnl: money(b.grossPnl), fees: money(b.fees), netPnl: money(b.netPnl), expectancy: money(b.expectancy) };
}

function breakdownsJson(b: Breakdowns): AnalyticsDto['breakdowns'] {
  return {
    entryHour: b.entryHour.map(bucketJson),
    weekday: b.weekday.map(bucketJson),
    symbol: b.symbol.map(bucketJson),
    tag: b.tag.map(bucketJson),
    strategy: b.strategy.map(bucketJson),
    dte: b.dte.map(bucketJson),
    side: b.side.map(bucketJson),
    duration: b.duration.map(bucketJson),
  };
}

/**
 * `analyze()`'s result as JSON: every micro-dollar amount becomes a decimal number in the account
 * currency (converted only here, after every sum was made exactly), and the `…Minor` suffix goes.
 * Ratios, counts, durations and times pass through unchanged.
 */
export function analyticsJson(a: Analytics, conventions: AnalyticsDto['conventions']): AnalyticsDto {
  const s = a.summary;
  return {
    conventions,
    summary: {
      ...s,
      grossPnl: money(s.grossPnl),
      fees: money(s.fees),
      netPnl: money(s.netPnl),
      grossWins: money(s.grossWins),
      grossLosses: money(s.grossLosses),
      avgWin: moneyOrNull(s.avgWin),
      avgLoss: moneyOrNull(s.avgLoss),
      expectancy: moneyOrNull(s.expectancy),
      maxDrawdown: money(s.maxDrawdown),
    },
    equity: a.equity.map((p) => ({ index: p.index, at: p.at, tradeId: p.tradeId, net: money(p.netMinor), cumulative: money(p.cumulativeMinor), equity: money(p.equityMinor), peak: money(p.peakMinor), drawdown: money(p.drawdownMinor) })),
    drawdown: a.drawdown.map((d) => ({
      peakAt: d.peakAt,
      peak: money(d.peakMinor),
      troughAt: d.troughAt,
      trough: money(d.troughMinor),
      amount: money(d.amountMinor),
      pct: d.pct,
      recoveredAt: d.recoveredAt,
      durationMs: d.durationMs,
      recoveryMs: d.recoveryMs,
    })),
    daily: a.daily.map((d) => ({ date: d.date, net: money(d.netMinor), trades: d.trades })),
    breakdowns: breakdownsJson(a.breakdowns),
    histogram: { bin: money(a.histogram.binMinor), bins: a.histogram.bins.map((b) => ({ from: money(b.fromMinor), to: money(b.toMinor), count: b.count, net: money(b.netMinor) })) },
  };
}
