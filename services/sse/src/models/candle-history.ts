import type { Redis } from 'ioredis';
import type { Candle, CandleHistory, CandleHistoryRequest, CandleInterval } from '@marketswarm/shared/dto';
import { parseEvent, streamEntryText } from '@marketswarm/shared/events';

/** Entries per XREVRANGE page. */
export const CANDLE_HISTORY_PAGE = 2000;

/**
 * Collects up to `limit` candles of one symbol and interval from stream entries read newest first.
 * The first version of a `t` seen is the newest (a candle is republished as it grows), so later ones
 * are ignored. Entries that do not decode as a valid `candles` envelope are skipped.
 */
export class CandleCollector {
  private readonly byT = new Map<number, Candle>();

  constructor(
    private readonly symbol: string,
    private readonly interval: CandleInterval,
    private readonly limit: number,
  ) {}

  get full(): boolean {
    return this.byT.size >= this.limit;
  }

  /**
   * Takes one stream entry's field list (newest first); returns false once `limit` candles are held.
   * The JSON is parsed once and looked at cheaply before the schema runs: most entries are other
   * symbols' or intervals', or older versions of a candle already held, and a long read must stay
   * off the event loop.
   */
  add(fields: readonly string[]): boolean {
    if (this.full) return false;
    const raw = streamEntryText(fields);
    let json: unknown;
    try {
      json = raw === undefined ? undefined : JSON.parse(raw);
    } catch {
      return true;
    }
    const data = (json as { data?: { symbol?: unknown; interval?: unknown; t?: unknown } } | null | undefined)?.data;
    if (data?.symbol !== this.symbol || data.interval !== this.interval || (typeof data.t === 'number' && this.byT.has(data.t))) return true;
    const parsed = parseEvent(json);
    if (!parsed.ok || parsed.event.topic !== 'candles') return true;
    const { t, o, h, l, c, v } = parsed.event.data;
    this.byT.set(t, v === undefined ? { t, o, h, l, c } : { t, o, h, l, c, v });
    return !this.full;
  }

  candles(): Candle[] {
    return [...this.byT.values()].sort((a, b) => a.t - b.t);
  }
}

/**
 * Reads a candles stream newest first with XREVRANGE in pages of `pageSize`, no further than the
 * stream's length when the read began, stopping as soon as `limit` distinct candles are held.
 */
export async function readCandleHistory(redis: Redis, stream: string, request: CandleHistoryRequest, pageSize = CANDLE_HISTORY_PAGE): Promise<CandleHistory> {
  const collector = new CandleCollector(request.symbol, request.interval, request.limit);
  const length = await redis.xlen(stream);
  let read = 0;
  let end = '+';
  while (read < length && !collector.full) {
    const asked = Math.min(pageSize, length - read);
    const page = await redis.xrevrange(stream, end, '-', 'COUNT', asked);
    for (const [, fields] of page) if (!collector.add(fields)) break;
    read += page.length;
    const oldest = page.at(-1);
    if (oldest === undefined || page.length < asked) break; // the stream's start (it may have been trimmed meanwhile)
    end = `(${oldest[0]}`; // exclusive: the next page starts just before this page's oldest entry
  }
  return { symbol: request.symbol, interval: request.interval, candles: collector.candles() };
}
