import type { Candle, CandleInterval } from '@marketswarm/shared/dto';

export type { Candle, CandleInterval };

const seriesId = (symbol: string, interval: CandleInterval): string => `${symbol}:${interval}`;

/**
 * Candles per symbol and interval, ascending by open time. Charts draw incrementally: they take the
 * whole series once, then get every upsert as it happens (lightweight-charts batches its own paint).
 */
export class CandleStore {
  private readonly series = new Map<string, Candle[]>();
  private readonly listeners = new Map<string, Set<(candle: Candle) => void>>();

  constructor(private readonly limit = 2000) {}

  /** Merges history (REST) under what streamed in meanwhile: a streamed candle is newer than history's. */
  seed(symbol: string, interval: CandleInterval, history: readonly Candle[]): void {
    const id = seriesId(symbol, interval);
    const merged = new Map<number, Candle>();
    for (const c of history) merged.set(c.t, c);
    for (const c of this.series.get(id) ?? []) merged.set(c.t, c);
    this.series.set(id, [...merged.values()].sort((a, b) => a.t - b.t).slice(-this.limit));
  }

  upsert(symbol: string, interval: CandleInterval, candle: Candle): void {
    const id = seriesId(symbol, interval);
    let list = this.series.get(id);
    if (!list) this.series.set(id, (list = []));
    const last = list[list.length - 1];
    if (last === undefined || candle.t > last.t) {
      list.push(candle);
      if (list.length > this.limit) list.splice(0, list.length - this.limit);
    } else if (candle.t === last.t) {
      list[list.length - 1] = candle;
    } else {
      // An older bucket's final state (replay after resume): charts only append, so keep it for the next full draw.
      const i = list.findIndex((c) => c.t >= candle.t);
      if (list[i]?.t === candle.t) list[i] = candle;
      else list.splice(i, 0, candle);
      return;
    }
    for (const fn of this.listeners.get(id) ?? []) fn(candle);
  }

  get(symbol: string, interval: CandleInterval): readonly Candle[] {
    return this.series.get(seriesId(symbol, interval)) ?? [];
  }

  subscribe(symbol: string, interval: CandleInterval, listener: (candle: Candle) => void): () => void {
    const id = seriesId(symbol, interval);
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  clear(): void {
    this.series.clear();
  }
}
