import { CANDLE_INTERVALS, type CandleInterval } from '@marketswarm/shared/dto';

export const INTERVAL_MS: Readonly<Record<CandleInterval, number>> = { '1m': 60_000, '5m': 300_000, '15m': 900_000, '1h': 3_600_000 };

export interface Candle {
  symbol: string;
  interval: CandleInterval;
  /** Bucket start, epoch ms (buckets are aligned to UTC multiples of the interval). */
  t: number;
  o: number;
  h: number;
  l: number;
  c: number;
  v: number;
}

export interface CandleTick {
  symbol: string;
  price: number;
  size?: number;
  ts: number;
  /** Session id from the market clock; a new session opens new candles with no carry-over. */
  session: string;
}

/**
 * Builds 1m/5m/15m/1h OHLCV candles from ticks and keeps the current session's candles per
 * symbol ("history for the day"), so a restarted consumer can be sent today's candles again.
 * Pure: no clock, no I/O.
 */
export class CandleAggregator {
  private readonly sessions = new Map<string, string>();
  private readonly days = new Map<string, Map<CandleInterval, Candle[]>>();

  /** Folds one tick in and returns the candle it updated (or opened) for each interval. */
  add(tick: CandleTick): Candle[] {
    if (this.sessions.get(tick.symbol) !== tick.session) {
      this.sessions.set(tick.symbol, tick.session);
      this.days.set(tick.symbol, new Map(CANDLE_INTERVALS.map((i) => [i, []])));
    }
    const day = this.days.get(tick.symbol)!;
    const size = tick.size ?? 0;
    return CANDLE_INTERVALS.map((interval) => {
      const list = day.get(interval)!;
      const t = Math.floor(tick.ts / INTERVAL_MS[interval]) * INTERVAL_MS[interval];
      const last = list[list.length - 1];
      if (last && last.t === t) {
        last.h = Math.max(last.h, tick.price);
        last.l = Math.min(last.l, tick.price);
        last.c = tick.price;
        last.v += size;
        return { ...last };
      }
      if (last && t < last.t) {
        // A late tick for an older bucket: fold it into the current candle rather than reopen history.
        last.h = Math.max(last.h, tick.price);
        last.l = Math.min(last.l, tick.price);
        last.v += size;
        return { ...last };
      }
      const candle: Candle = { symbol: tick.symbol, interval, t, o: tick.price, h: tick.price, l: tick.price, c: tick.price, v: size };
      list.push(candle);
      return { ...candle };
    });
  }

  /**
   * Loads candles already published for `session` (after a producer restart), so the next tick
   * extends today's candles instead of reopening them. Later duplicates of a bucket win.
   */
  restore(session: string, candles: readonly Candle[]): void {
    for (const candle of candles) {
      if (this.sessions.get(candle.symbol) !== session) {
        this.sessions.set(candle.symbol, session);
        this.days.set(candle.symbol, new Map(CANDLE_INTERVALS.map((i) => [i, []])));
      }
      const list = this.days.get(candle.symbol)!.get(candle.interval)!;
      const at = list.findIndex((c) => c.t >= candle.t);
      if (at === -1) list.push({ ...candle });
      else if (list[at]!.t === candle.t) list[at] = { ...candle };
      else list.splice(at, 0, { ...candle });
    }
  }

  /** Today's candles for a symbol and interval, oldest first (copies). */
  history(symbol: string, interval: CandleInterval): Candle[] {
    return (this.days.get(symbol)?.get(interval) ?? []).map((c) => ({ ...c }));
  }

  /** The session the symbol's candles belong to. */
  session(symbol: string): string | undefined {
    return this.sessions.get(symbol);
  }
}
