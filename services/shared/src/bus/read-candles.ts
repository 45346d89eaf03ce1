import type { Redis } from 'ioredis';
import { CANDLE_HISTORY_MAX_LIMIT, candleSchema, type Candle, type CandleInterval } from '../dto/candle-history.schema.js';
import { formatEventIssues, parseEvent } from '../events/envelope.js';
import { STREAM_FIELD, streamEntryText } from '../events/stream-codec.js';

/** Entries per XREVRANGE page. */
export const CANDLES_PAGE = 2000;

/**
 * Bars kept per symbol and interval in the history sets: as many as one history request may ask for.
 * The candles stream alone cannot be the history: a live producer appends every touched candle every
 * cycle (6 symbols × 4 intervals a second), so it holds minutes, not sessions, and the few 1h bars of
 * a day would be trimmed away within the hour.
 */
export const CANDLE_HISTORY_KEEP = CANDLE_HISTORY_MAX_LIMIT;

/**
 * The history set of one symbol and interval: a sorted set of bars (JSON) scored by open time, named
 * after the candles stream so it shares its hash tag (one cluster slot) and its truth declaration.
 */
export function candleHistoryKey(stream: string, symbol: string, interval: CandleInterval): string {
  return `${stream}:history:${symbol}:${interval}`;
}

/** One bar to keep, as the producer publishes it. */
export interface HistoryCandle extends Candle {
  symbol: string;
  interval: CandleInterval;
}

/**
 * Keeps bars in the history sets, a later version of a bar replacing the earlier one (same open
 * time), trimmed to the newest `keep` per set. One MULTI, so a reader never sees a bar removed and not
 * yet replaced.
 */
export async function writeCandleHistory(redis: Redis, stream: string, candles: readonly HistoryCandle[], keep = CANDLE_HISTORY_KEEP): Promise<void> {
  if (candles.length === 0) return;
  const tx = redis.multi();
  const keys = new Set<string>();
  for (const { symbol, interval, t, o, h, l, c, v } of candles) {
    const key = candleHistoryKey(stream, symbol, interval);
    keys.add(key);
    tx.zremrangebyscore(key, t, t);
    tx.zadd(key, t, JSON.stringify(v === undefined ? { t, o, h, l, c } : { t, o, h, l, c, v }));
  }
  for (const key of keys) tx.zremrangebyrank(key, 0, -(keep + 1));
  const results = await tx.exec();
  const failed = results?.find(([error]) => error);
  if (!results || failed?.[0]) throw failed?.[0] ?? new Error(`writing candle history for ${stream} aborted`);
}

/** The newest `limit` bars of a history set (from `since` on), oldest first; undefined when the set is empty. */
async function readHistorySet(redis: Redis, stream: string, query: CandlesQuery, onSkip: (reason: string) => void): Promise<Candle[] | undefined> {
  const min = query.since === undefined ? '-inf' : String(query.since);
  const members = await redis.zrevrangebyscore(candleHistoryKey(stream, query.symbol, query.interval), '+inf', min, 'LIMIT', 0, query.limit);
  if (members.length === 0) return undefined;
  const candles: Candle[] = [];
  for (const member of members.reverse()) {
    let json: unknown;
    try {
      json = JSON.parse(member);
    } catch {
      onSkip('history bar is not JSON');
      continue;
    }
    const parsed = candleSchema.safeParse(json);
    if (parsed.success) candles.push(parsed.data);
    else onSkip(`history bar fails the contract (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`);
  }
  return candles;
}

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
 * Up to `limit` candles of one symbol and interval, oldest first, each in its newest version: from the
 * history set when the producer keeps one (one ranged read), else from the candles stream itself
 * (data written before the sets existed, or by a producer that keeps none).
 */
export async function readCandles(redis: Redis, stream: string, query: CandlesQuery, options: ReadCandlesOptions = {}): Promise<Candle[]> {
  const kept = await readHistorySet(redis, stream, query, options.onSkip ?? (() => undefined));
  return kept ?? readCandlesFromStream(redis, stream, query, options);
}

/**
 * Up to `limit` candles of one symbol and interval from a candles stream, oldest first, each in its
 * newest version. The stream is read newest first with XREVRANGE in pages, no further than its length
 * when the read began nor past `since` (the stream's start without), and the read stops as soon as
 * `limit` distinct candles are held, so a long stream costs only what is needed.
 */
export async function readCandlesFromStream(redis: Redis, stream: string, query: CandlesQuery, options: ReadCandlesOptions = {}): Promise<Candle[]> {
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
