import type { Redis } from 'ioredis';
import type { MarketAtEntry } from '@marketswarm/shared/dto';
import { decodeStreamEntry, type TypedEvent } from '@marketswarm/shared/events';
import { underlyingOf } from '@marketswarm/shared/models';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { settlementTime } from '../grouping/settlement-time.js';

/** The market streams the stamp reads, by topic; a missing one (a truth without gex) leaves its fields null. */
export interface MarketStreams {
  spot?: TopicRoute;
  gex?: TopicRoute;
  mode?: TopicRoute;
}

/**
 * How old the last event before entry may be and still describe the market at entry: a spot print
 * from an hour earlier says nothing about the entry, a GEX profile refreshed every few minutes does.
 */
const STALE_AFTER_MS = { spot: 5 * 60_000, gex: 15 * 60_000, mode: 15 * 60_000 } as const;
/** Entries read per XREVRANGE page, and pages per stream, while looking back for one symbol's event among all symbols'. */
const PAGE = 200;
const MAX_PAGES = 10;

/**
 * What the market streams in market Redis say about a past moment, for the journal: the market at a
 * trade's entry (the last spot of its underlying and of VIX, the GEX regime and flip of its
 * underlying, and the market mode, each at or before the entry — a trade opened before the oldest
 * spot event kept is labelled `before-retention` instead of being given today's numbers), and the
 * index print that settles a cash-settled option.
 */
export class MarketHistoryReader {
  private oldest: { readAt: number; ms: number | undefined } | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly streams: MarketStreams,
    private readonly now: () => number = Date.now,
  ) {}

  async read(underlying: string, at: number): Promise<MarketAtEntry> {
    const spotStream = this.streams.spot?.stream;
    if (!spotStream) return { status: 'unavailable', reason: 'no-market-data' };
    const oldestMs = await this.oldestSpotMs(spotStream);
    if (oldestMs === undefined) return { status: 'unavailable', reason: 'no-market-data' };
    if (at < oldestMs) return { status: 'unavailable', reason: 'before-retention' };
    const symbol = underlyingOf(underlying);
    const [spot, vix, gex, mode] = await Promise.all([
      this.lastBefore('spot', at, (e) => e.topic === 'spot' && e.data.symbol === symbol),
      this.lastBefore('spot', at, (e) => e.topic === 'spot' && e.data.symbol === 'VIX'),
      this.lastBefore('gex', at, (e) => e.topic === 'gex' && e.data.symbol === symbol),
      this.lastBefore('mode', at, (e) => e.topic === 'mode' && (e.data.symbol === undefined || e.data.symbol === symbol)),
    ]);
    if (!spot && !vix && !gex && !mode) return { status: 'unavailable', reason: 'no-market-data' };
    return {
      status: 'recorded',
      at,
      spot: spot?.topic === 'spot' ? spot.data.price : null,
      vix: vix?.topic === 'spot' ? vix.data.price : null,
      gexRegime: gex?.topic === 'gex' && gex.data.total !== undefined ? (gex.data.total >= 0 ? 'positive' : 'negative') : null,
      gexFlip: gex?.topic === 'gex' ? (gex.data.flip ?? null) : null,
      mode: mode?.topic === 'mode' ? mode.data.mode : null,
    };
  }

  /**
   * The index print that fixes a cash settlement, from our own feed: the last spot at or before the
   * PM close, the first at or after the AM open, within five minutes. The exchange's official value
   * can differ by cents; a broker's expiration row, when imported, is used instead of this.
   * Micros per unit of the option's underlying (XSP is SPX / 10); undefined when the feed has no print.
   */
  async settlementValue(leg: { underlying: string; expiry: string; amSettled: boolean }): Promise<number | undefined> {
    const index = SETTLEMENT_INDEX[leg.underlying.replace(/^\//, '').toUpperCase()];
    const at = settlementTime(leg.expiry, leg.amSettled);
    if (!index || at === undefined) return undefined;
    const [symbol, divisor] = index;
    const print = leg.amSettled ? await this.firstAfter('spot', at, (e) => e.topic === 'spot' && e.data.symbol === symbol) : await this.lastBefore('spot', at, (e) => e.topic === 'spot' && e.data.symbol === symbol);
    if (print?.topic !== 'spot') return undefined;
    return Math.round((print.data.price * 1_000_000) / divisor);
  }

  /** The oldest event on `topic`'s stream at or after `at` that `matches`, within its staleness bound. */
  private async firstAfter(topic: keyof typeof STALE_AFTER_MS, at: number, matches: (event: TypedEvent) => boolean): Promise<TypedEvent | undefined> {
    const stream = this.streams[topic]?.stream;
    if (!stream) return undefined;
    const entries = await this.redis.xrange(stream, String(at), String(at + STALE_AFTER_MS[topic]), 'COUNT', PAGE * MAX_PAGES);
    for (const [, fields] of entries) {
      const decoded = decodeStreamEntry(fields);
      if (decoded.ok && matches(decoded.event)) return decoded.event;
    }
    return undefined;
  }

  /**
   * The time of the oldest spot event kept, remembered for a second: an import stamps hundreds of
   * trades in a row, most of them older than the streams, and each needs only this one answer.
   */
  private async oldestSpotMs(stream: string): Promise<number | undefined> {
    const now = this.now();
    if (this.oldest && now - this.oldest.readAt < 1_000) return this.oldest.ms;
    const [first] = await this.redis.xrange(stream, '-', '+', 'COUNT', 1);
    this.oldest = { readAt: now, ms: first ? streamIdMs(first[0]) : undefined };
    return this.oldest.ms;
  }

  /** The newest event on `topic`'s stream at or before `at` that `matches`, not older than its staleness bound. */
  private async lastBefore(topic: keyof typeof STALE_AFTER_MS, at: number, matches: (event: TypedEvent) => boolean): Promise<TypedEvent | undefined> {
    const stream = this.streams[topic]?.stream;
    if (!stream) return undefined;
    const oldestUseful = at - STALE_AFTER_MS[topic];
    let end = String(at);
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const entries = await this.redis.xrevrange(stream, end, '-', 'COUNT', PAGE);
      for (const [id, fields] of entries) {
        if (streamIdMs(id) < oldestUseful) return undefined;
        // A malformed entry is some producer's defect; the stamp skips it like the gateway does.
        const decoded = decodeStreamEntry(fields);
        if (decoded.ok && matches(decoded.event)) return decoded.event;
      }
      const last = entries.at(-1);
      if (!last || entries.length < PAGE) return undefined;
      end = `(${last[0]}`;
    }
    return undefined;
  }
}

/** Which index print settles an option root, and what to divide it by (XSP and MRUT are a tenth of SPX and RUT). */
const SETTLEMENT_INDEX: Readonly<Record<string, readonly [string, number]>> = {
  SPX: ['SPX', 1],
  SPXW: ['SPX', 1],
  SPXPM: ['SPX', 1],
  XSP: ['SPX', 10],
  NDX: ['NDX', 1],
  NDXP: ['NDX', 1],
  XND: ['NDX', 100],
  RUT: ['RUT', 1],
  RUTW: ['RUT', 1],
  MRUT: ['RUT', 10],
};

function streamIdMs(id: string): number {
  return Number(id.slice(0, id.indexOf('-')));
}
