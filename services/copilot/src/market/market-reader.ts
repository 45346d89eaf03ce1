import type { Redis } from 'ioredis';
import { readCandles } from '@marketswarm/shared/bus';
import type { Candle, CandleInterval } from '@marketswarm/shared/dto';
import { decodeEventText, decodeStreamEntry, formatEventIssues, type TopicName, type TopicPayload, type TypedEvent } from '@marketswarm/shared/events';
import { NEW_YORK, zonedInstant } from '@marketswarm/shared/models';
import { exchangeTime } from '@marketswarm/shared/journal';
import type { TopicRoute } from '@marketswarm/shared/truth';

/** The market topics the copilot reads. */
export const MARKET_READER_TOPICS = ['spot', 'candles', 'heatmap', 'gex', 'mode', 'bias'] as const;
export type MarketReaderTopic = (typeof MARKET_READER_TOPICS)[number];

/** Where each topic lives (stream and snapshot hash), as truth routes it. */
export type MarketRoutes = Readonly<Record<MarketReaderTopic, Pick<TopicRoute, 'stream' | 'snapshot'>>>;

/**
 * The keys truth/components/massive.json declares, for a reader built without truth (scripts, specs);
 * the copilot itself passes truth's routes (MarketModule), so a renamed key follows truth.
 */
export const MASSIVE_MARKET_ROUTES: MarketRoutes = {
  spot: { stream: '{market}:stream:spot', snapshot: '{market}:snapshot:spot' },
  candles: { stream: '{market}:stream:candles', snapshot: '{market}:snapshot:candles' },
  heatmap: { stream: '{market}:stream:heatmap', snapshot: '{market}:snapshot:heatmap' },
  gex: { stream: '{market}:stream:gex', snapshot: '{market}:snapshot:gex' },
  mode: { stream: '{market}:stream:mode', snapshot: '{market}:snapshot:mode' },
  bias: { stream: '{market}:stream:bias', snapshot: '{market}:snapshot:bias' },
};

/** A topic's latest state with the time its producer stamped on it. */
export interface MarketReading<T extends TopicName> {
  ts: number;
  data: TopicPayload<T>;
}

/** One spot print of the trail: its stream entry id, the envelope's time and the price. */
export interface SpotPrint {
  id: string;
  ts: number;
  price: number;
}

export interface MarketReaderOptions {
  /** Told about every entry left out for failing the contract (counted in metrics by MarketModule). */
  onSkip?: (topic: MarketReaderTopic, reason: string) => void;
}

/** Spot stream entries read per XRANGE page. */
const PAGE = 1000;
/** Pages per read at most: a spot trail never needs more than the stream keeps. */
const MAX_PAGES = 60;

/**
 * The market as market Redis holds it, for the copilot's models (MEL, ADI, commentary): the latest
 * snapshot of each state topic, today's candles and the spot trail from the streams. Every entry is
 * checked against the shared payload schemas; one that fails is skipped and reported, never thrown,
 * because a producer's defect must not take the copilot down.
 */
export class MarketReader {
  private readonly skippedByTopic = new Map<MarketReaderTopic, number>();

  constructor(
    private readonly market: Redis,
    private readonly routes: MarketRoutes = MASSIVE_MARKET_ROUTES,
    private readonly options: MarketReaderOptions = {},
  ) {}

  /** Entries skipped so far per topic. */
  skipped(): Readonly<Partial<Record<MarketReaderTopic, number>>> {
    return Object.fromEntries(this.skippedByTopic);
  }

  spot(symbol: string): Promise<MarketReading<'spot'> | null> {
    return this.latest('spot', [symbol]);
  }

  gex(symbol: string): Promise<MarketReading<'gex'> | null> {
    return this.latest('gex', [symbol]);
  }

  /** The full heatmap model (every tile): the producer keeps the full model in the hash, diffs only in the stream. */
  heatmap(symbol: string): Promise<MarketReading<'heatmap'> | null> {
    return this.latest('heatmap', [symbol]);
  }

  /** The symbol's mode, else the market-wide one (a mode event without a symbol is stored under `_`). */
  mode(symbol: string): Promise<MarketReading<'mode'> | null> {
    return this.latest('mode', [symbol, '_']);
  }

  bias(symbol: string): Promise<MarketReading<'bias'> | null> {
    return this.latest('bias', [symbol, '_']);
  }

  /**
   * Up to `limit` of today's bars (New York date of `now`), oldest first, each in its newest version
   * (`readCandles`, bounded by the day's start).
   */
  candles(symbol: string, interval: CandleInterval, limit: number, now: number = Date.now()): Promise<Candle[]> {
    const since = zonedInstant(exchangeTime(now, NEW_YORK).date, 0, 0) ?? now - 86_400_000;
    return readCandles(this.market, this.routes.candles.stream, { symbol, interval, limit, since }, { onSkip: (reason) => this.skip('candles', reason) });
  }

  /**
   * The symbol's spot prints since `since` — a time in ms (inclusive, by stream time), or a stream
   * entry id as `(id` (exclusive), for a caller extending a trail it already holds — oldest first.
   */
  async spotTrail(symbol: string, since: number | `(${string}`): Promise<SpotPrint[]> {
    const trail: SpotPrint[] = [];
    let start = typeof since === 'number' ? String(Math.max(0, Math.floor(since))) : since;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const entries = await this.market.xrange(this.routes.spot.stream, start, '+', 'COUNT', PAGE);
      for (const [id, fields] of entries) {
        const event = this.decodeEntry('spot', fields);
        if (event?.data.symbol === symbol) trail.push({ id, ts: event.ts, price: event.data.price });
      }
      const newest = entries.at(-1);
      if (!newest || entries.length < PAGE) break;
      start = `(${newest[0]}`;
    }
    return trail;
  }

  /** The first of `fields` present in the topic's snapshot hash that passes the contract. */
  private async latest<T extends MarketReaderTopic>(topic: T, fields: readonly string[]): Promise<MarketReading<T> | null> {
    const hash = this.routes[topic].snapshot;
    if (hash === undefined) return null;
    const texts = await this.market.hmget(hash, ...fields);
    for (const [i, text] of texts.entries()) {
      if (text === null) continue;
      const decoded = decodeEventText(text);
      if (!decoded.ok) this.skip(topic, `${hash} ${fields[i] ?? ''}: ${formatEventIssues(decoded.issues)}`);
      else if (decoded.event.topic !== topic) this.skip(topic, `${hash} ${fields[i] ?? ''}: holds a "${decoded.event.topic}" event`);
      // parseEvent checked the payload against the topic's schema: the comparison above is the narrowing.
      else return { ts: decoded.event.ts, data: (decoded.event as TypedEvent<T>).data };
    }
    return null;
  }

  private decodeEntry<T extends MarketReaderTopic>(topic: T, fields: readonly string[]): TypedEvent<T> | undefined {
    const decoded = decodeStreamEntry(fields);
    if (!decoded.ok) {
      this.skip(topic, formatEventIssues(decoded.issues));
      return undefined;
    }
    if (decoded.event.topic !== topic) {
      this.skip(topic, `holds a "${decoded.event.topic}" event`);
      return undefined;
    }
    return decoded.event as TypedEvent<T>;
  }

  private skip(topic: MarketReaderTopic, reason: string): void {
    this.skippedByTopic.set(topic, (this.skippedByTopic.get(topic) ?? 0) + 1);
    this.options.onSkip?.(topic, reason);
  }
}
