import type { Redis } from 'ioredis';
import type { Candle, CandleInterval } from '../dto/candle-history.schema.js';
import { formatEventIssues, parseEvent } from '../events/envelope.js';
import { STREAM_FIELD, streamEntryText } from '../events/stream-codec.js';

/** Entries per XREVRANGE page. */
export const CANDLES_PAGE = 2000;

export interface CandlesQuery {
  symbol: string;
  interval: CandleInterval;
  /** Bars to return at most: the newest ones. */
  limit: number;
  /** Only bars from this instant (ms): entries older by stream time are not read, bars older by `t` are left out. */
  since?: number;
}

export interface ReadCandlesOptions {
  /** Entries per XREVRANGE page. */
  pageSize?: number;
  /** Told about each entry read that fails the contract (counted by a caller that keeps metrics). */
  onSkip?: (reason: string) => void;
}

/**
 * Collects up to `limit` candles of one symbol and interval from stream entries read newest first.
 * The first version of a `t` seen is the newest (a candle is republished as it grows), so later ones
 * are ignored. Entries that do not decode as a valid `candles` envelope are skipped and reported.
 */
class CandleCollector {
  private readonly byT = new Map<number, Candle>();

  constructor(
    private readonly query: CandlesQuery,
    private readonly onSkip: (reason: string) => void = () => undefined,
  ) {}

  get full(): boolean {
    return this.byT.size >= this.query.limit;
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
    if (raw === undefined) return this.skip(`no "${STREAM_FIELD}" field`);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return this.skip('not JSON');
    }
    const { symbol, interval, since } = this.query;
    const data = (json as { data?: { symbol?: unknown; interval?: unknown; t?: unknown } } | null)?.data;
    if (data?.symbol !== symbol || data.interval !== interval) return true;
    if (typeof data.t === 'number' && (this.byT.has(data.t) || (since !== undefined && data.t < since))) return true;
    const parsed = parseEvent(json);
    if (!parsed.ok) return this.skip(formatEventIssues(parsed.issues));
    if (parsed.event.topic !== 'candles') return this.skip(`holds a "${parsed.event.topic}" event`);
    const { t, o, h, l, c, v } = parsed.event.data;
    this.byT.set(t, v === undefined ? { t, o, h, l, c } : { t, o, h, l, c, v });
    return !this.full;
  }

  /** The candles held, oldest first. */
  candles(): Candle[] {
    return [...this.byT.values()].sort((a, b) => a.t - b.t);
  }

  private skip(reason: string): true {
    this.onSkip(reason);
    return true;
  }
}

/**
 * Up to `limit` candles of one symbol and interval from a candles stream, oldest first, each in its
 * newest version. The stream is read newest first with XREVRANGE in pages, no further than its length
 * when the read began nor past `since` (the stream's start without), and the read stops as soon as
 * `limit` distinct candles are held, so a long stream costs only what is needed.
 */
export async function readCandles(redis: Redis, stream: string, query: CandlesQuery, options: ReadCandlesOptions = {}): Promise<Candle[]> {
  const pageSize = options.pageSize ?? CANDLES_PAGE;
  const collector = new CandleCollector(query, options.onSkip);
  const start = query.since === undefined ? '-' : String(Math.max(0, Math.floor(query.since)));
  const length = await redis.xlen(stream);
  let read = 0;
  let end = '+';
  while (read < length && !collector.full) {
    const asked = Math.min(pageSize, length - read);
    const page = await redis.xrevrange(stream, end, start, 'COUNT', asked);
    for (const [, fields] of page) if (!collector.add(fields)) break;
    read += page.length;
    const oldest = page.at(-1);
    if (oldest === undefined || page.length < asked) break; // `since` or the stream's start (it may have been trimmed meanwhile)
    end = `(${oldest[0]}`; // exclusive: the next page starts just before this page's oldest entry
  }
  return collector.candles();
}
