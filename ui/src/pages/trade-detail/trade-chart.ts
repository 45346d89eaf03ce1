import type { Candle, CandleInterval, TradeDto } from '@marketswarm/shared/dto';
import { nextDay, zonedDayStart } from '../../journal-api/journal-filters';

/** Which candles the trade's page draws, and where its entry and exit go on them. Pure: no chart library here. */

const MINUTES: Record<CandleInterval, number> = { '1m': 1, '5m': 5, '15m': 15, '1h': 60 };

/** The calendar days (exchange time) the trade was open, as an instant range [from, to). */
export function sessionWindow(trade: Pick<TradeDto, 'openedAt' | 'closedAt'>, now: number, timeZone: string): { from: number; to: number } {
  const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  const end = trade.closedAt ?? Math.max(now, trade.openedAt);
  return { from: zonedDayStart(day(trade.openedAt), timeZone), to: zonedDayStart(nextDay(day(end)), timeZone) };
}

/**
 * The finest interval whose history limit still spans the window: the gateway answers the newest
 * `limit` candles, so a longer session needs coarser ones.
 */
export function chartInterval(window: { from: number; to: number }, limit: number): CandleInterval {
  const minutes = (window.to - window.from) / 60_000;
  // Markets trade about a third of the clock on a weekday, futures nearly all of it: plan for all.
  for (const interval of ['1m', '5m', '15m'] as const) if (minutes / MINUTES[interval] <= limit) return interval;
  return '1h';
}

/** The candles inside the window. */
export function sessionCandles(candles: readonly Candle[], window: { from: number; to: number }): Candle[] {
  return candles.filter((c) => c.t >= window.from && c.t < window.to);
}

export interface TradeMarker {
  /** Open time of the candle the event falls in (what the chart can place a marker on). */
  t: number;
  kind: 'entry' | 'exit';
  text: string;
}

/** The open time of the last candle at or before `ms`, if `ms` is within one interval after it. */
export function snapToCandle(candles: readonly Candle[], ms: number, interval: CandleInterval): number | undefined {
  let lo = 0;
  let hi = candles.length - 1;
  let found: Candle | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candle = candles[mid]!;
    if (candle.t <= ms) {
      found = candle;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && ms - found.t < MINUTES[interval] * 60_000 ? found.t : undefined;
}

/** Entry and (when closed) exit markers, on the candles they fall in; an event outside the candles held has none. */
export function tradeMarkers(trade: Pick<TradeDto, 'openedAt' | 'closedAt' | 'side'>, candles: readonly Candle[], interval: CandleInterval): TradeMarker[] {
  const markers: TradeMarker[] = [];
  const entry = snapToCandle(candles, trade.openedAt, interval);
  if (entry !== undefined) markers.push({ t: entry, kind: 'entry', text: `Entry (${trade.side})` });
  if (trade.closedAt !== null) {
    const exit = snapToCandle(candles, trade.closedAt, interval);
    if (exit !== undefined) markers.push({ t: exit, kind: 'exit', text: 'Exit' });
  }
  return markers;
}

export const CHART_HISTORY_LIMIT = 2000;
