import type { Redis } from 'ioredis';
import type { Candle, CandleHistory, CandleHistoryRequest, CandleInterval } from '@marketswarm/shared/dto';
import { decodeStreamEntry, STREAM_FIELD } from '@marketswarm/shared/events';

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

  /** Takes one stream entry's field list (newest first); returns false once `limit` candles are held. */
  add(fields: readonly string[]): boolean {
    if (this.full) return false;
    if (!this.mayMatch(fields)) return true;
    const decoded = decodeStreamEntry(fields);
    if (!decoded.ok || decoded.event.topic !== 'candles') return true;
    const { symbol, interval, t, o, h, l, c, v } = decoded.event.data;
    if (symbol !== this.symbol || interval !== this.interval || this.byT.has(t)) return true;
    this.byT.set(t, v === undefined ? { t, o, h, l, c } : { t, o, h, l, c, v });
    return !this.full;
  }

  /**
   * A cheap look (JSON.parse, no schema) that rules out other symbols' and intervals' entries, most
   * of the stream, before the full envelope validation: it keeps a long read off the event loop.
   */
  private mayMatch(fields: readonly string[]): boolean {
    const index = fields.indexOf(STREAM_FIELD);
    const raw = index >= 0 && index % 2 === 0 ? fields[index + 1] : undefined;
    if (raw === undefined) return false;
    try {
      const data = (JSON.parse(raw) as { data?: { symbol?: unknown; interval?: unknown } } | null)?.data;
      return data?.symbol === this.symbol && data.interval === this.interval;
    } catch {
      return false;
    }
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
