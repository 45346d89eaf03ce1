import type { AnalyticsDto } from '@marketswarm/shared/dto';

export interface TimeValue {
  /** Whole seconds (the chart's UTCTimestamp). */
  time: number;
  value: number;
}

/**
 * The equity curve and its drawdown (≤ 0, below the peak) as chart series. The chart needs strictly
 * ascending times in seconds; trades closed within the same second become one point, the last.
 */
export function equitySeries(equity: AnalyticsDto['equity']): { equity: TimeValue[]; drawdown: TimeValue[] } {
  const out = { equity: [] as TimeValue[], drawdown: [] as TimeValue[] };
  for (const point of equity) {
    const time = Math.floor(point.at / 1000);
    const e = { time, value: point.equity };
    // The API's drawdown is the positive distance below the peak; drawn downwards it reads as a fall.
    const d = { time, value: point.drawdown === 0 ? 0 : -Math.abs(point.drawdown) };
    const last = out.equity.at(-1);
    if (last && last.time >= time) {
      // Same second (or, defensively, out of order): the later point replaces it at the earlier time.
      out.equity[out.equity.length - 1] = { time: last.time, value: e.value };
      out.drawdown[out.drawdown.length - 1] = { time: last.time, value: d.value };
    } else {
      out.equity.push(e);
      out.drawdown.push(d);
    }
  }
  return out;
}
