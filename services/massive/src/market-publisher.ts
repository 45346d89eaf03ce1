import type { Logger } from 'pino';
import { Counter, Histogram, type Registry } from 'prom-client';
import { SeqCounter } from '@marketswarm/shared/bus';
import type { TopicPayload, TopicPayloadInput } from '@marketswarm/shared/events';
import { CANDLE_INTERVALS } from '@marketswarm/shared/dto';
import { CandleAggregator, INTERVAL_MS, type Candle } from './candle-aggregator.js';
import type { MarketClock } from './market-clock.js';
import type { MarketEvent, MarketSink } from './market-sink.js';
import { PriorCloses } from './prior-closes.js';
import type { Tick } from './tick-source.js';

export interface PublisherMetrics {
  ticks: Counter;
  candles: Counter;
  failures: Counter;
  cycle: Histogram;
}

export function createPublisherMetrics(registry: Registry): PublisherMetrics {
  return {
    ticks: new Counter({ name: 'massive_ticks_published_total', help: 'Spot ticks published', registers: [registry] }),
    candles: new Counter({ name: 'massive_candles_published_total', help: 'Candle updates published', registers: [registry] }),
    failures: new Counter({ name: 'massive_publish_failures_total', help: 'Publish cycles that failed (their events are dropped)', registers: [registry] }),
    cycle: new Histogram({
      name: 'massive_cycle_duration_seconds',
      help: 'Duration of one publish cycle',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
  };
}

export interface PublisherOptions {
  sink: MarketSink;
  clock: MarketClock;
  logger: Logger;
  metrics: PublisherMetrics;
  /** Called with the ticks of each successful cycle (the `--record` file). */
  onPublished?: (ticks: readonly Tick[]) => void;
}

/**
 * Collects ticks from any `TickSource`, folds them into candles, and every cycle publishes the
 * cycle's ticks (`spot`/`tick`, in arrival order) and every candle they touched (`candles`/`candle`,
 * including the final state of a candle whose bucket just closed), one `publishEvents` call per
 * topic. `seq` numbers keep rising across restarts (`resume`).
 */
export class MarketPublisher {
  readonly candles = new CandleAggregator();
  private pending: Array<{ tick: Tick; prevClose: number | undefined }> = [];
  private readonly touched = new Map<string, Candle>();
  private readonly closes = new PriorCloses();
  private spotSeq = new SeqCounter();
  private candleSeq = new SeqCounter();
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(private readonly options: PublisherOptions) {}

  /**
   * After a restart: continue numbering after the highest seq already published (snapshots), reload
   * the candles of the session `now` falls in from the candles stream, and rebuild each symbol's
   * prior close from the 1m closes in that stream and the spot snapshot (whose ticks carry the
   * `prevClose` they were published with), so the first tick after a restart carries it again. The
   * bars the stream holds are kept in the history sets too: a stack upgraded from before the sets
   * existed has them nowhere else, and the history is read from the sets once they hold anything.
   */
  async resume(now: number): Promise<void> {
    const { sink, clock } = this.options;
    const [spot, candles, recent, ticks] = await Promise.all([sink.lastSeq('spot'), sink.lastSeq('candles'), sink.recentCandles(), sink.lastTicks()]);
    this.spotSeq = SeqCounter.after(spot);
    this.candleSeq = SeqCounter.after(candles);
    const session = clock.at(now).session;
    const withSession = recent.map((c) => ({ candle: c, session: clock.at(c.t).session }));
    this.candles.restore(
      session,
      withSession.filter((c) => c.session === session).map(({ candle: { symbol, interval, t, o, h, l, c, v } }) => ({ symbol, interval, t, o, h, l, c, v: v ?? 0 })),
    );
    const minutes = withSession.filter((c) => c.candle.interval === '1m').sort((a, b) => a.candle.t - b.candle.t);
    for (const { candle, session: s } of minutes) this.closes.observe(candle.symbol, candle.c, s);
    for (const tick of ticks) this.closes.restore(tick.symbol, { price: tick.price, session: clock.at(tick.ts).session, prevClose: tick.prevClose });
    const newest = new Map<string, TopicPayload<'candles'>>();
    for (const c of recent) newest.set(`${c.symbol}:${c.interval}:${c.t}`, c);
    await sink.keepHistory([...newest.values()].map(({ symbol, interval, t, o, h, l, c, v }) => (v === undefined ? { symbol, interval, t, o, h, l, c } : { symbol, interval, t, o, h, l, c, v })));
  }

  /**
   * Takes a close found in history that may lie behind what is known (the history sets' last bar
   * before today): it becomes the prior close when none is known otherwise.
   */
  recallClose(symbol: string, price: number, session: string): void {
    this.closes.recall(symbol, price, session);
  }

  /** The last price known for a symbol (published, restored or backfilled). */
  lastPrice(symbol: string): number | undefined {
    return this.closes.lastPrice(symbol);
  }

  /** The prior close the symbol's next tick will carry. */
  prevClose(symbol: string): number | undefined {
    return this.closes.prevClose(symbol);
  }

  /**
   * Folds generated history (oldest first per symbol, before any live tick) through the candle
   * aggregator and the prior closes, and publishes each candle it made once, in its final state, in
   * chunks. 1m candles go first and 1h last: the stream trims its oldest entries first, so the coarse
   * bars, which are the few that give the longer intervals their history, are the last to go. No spot
   * ticks are published (history is not a live price). History of a symbol's known session or an
   * earlier one lies behind what is known (a repair after an upgrade): it is folded apart, so it
   * neither reopens today's candles nor moves the last price, only gives a missing prior close; the
   * latest bars are then published again, so the candles snapshot points at them and not at the
   * history. Returns how many candles were published.
   */
  async backfill(ticks: readonly Tick[], now: number, chunk = 2000): Promise<number> {
    const { clock, sink } = this.options;
    const made = new Map<string, Candle>();
    const known = new Map<string, string | undefined>();
    const behind = new CandleAggregator();
    for (const tick of ticks) {
      const session = clock.at(tick.ts).session;
      if (!known.has(tick.symbol)) known.set(tick.symbol, this.closes.session(tick.symbol));
      const knownSession = known.get(tick.symbol);
      const isBehind = knownSession !== undefined && session <= knownSession;
      if (isBehind) this.closes.recall(tick.symbol, tick.price, session);
      else this.closes.observe(tick.symbol, tick.price, session);
      for (const candle of (isBehind ? behind : this.candles).add({ ...tick, session })) made.set(`${candle.symbol}:${candle.interval}:${candle.t}`, candle);
    }
    for (const symbol of [...known.keys()].filter((s) => behind.session(s) !== undefined)) {
      for (const interval of CANDLE_INTERVALS) {
        const latest = this.candles.history(symbol, interval).at(-1);
        if (latest) made.set(`${symbol}:${interval}:${latest.t}:latest`, latest);
      }
    }
    const order = (c: Candle) => CANDLE_INTERVALS.indexOf(c.interval);
    const candles = [...made.values()].sort((a, b) => order(a) - order(b) || a.t - b.t);
    const events = candles.map(
      (c): MarketEvent<'candles'> => ({ topic: 'candles', type: 'candle', ts: Math.min(c.t + INTERVAL_MS[c.interval], now), data: { ...c, seq: this.candleSeq.next() } }),
    );
    for (let i = 0; i < events.length; i += chunk) await sink.publish('candles', events.slice(i, i + chunk));
    this.options.metrics.candles.inc(events.length);
    return events.length;
  }

  accept(tick: Tick): void {
    const session = this.options.clock.at(tick.ts).session;
    this.pending.push({ tick, prevClose: this.closes.observe(tick.symbol, tick.price, session) });
    for (const candle of this.candles.add({ ...tick, session })) this.touched.set(`${candle.symbol}:${candle.interval}:${candle.t}`, candle);
  }

  /** Publishes what arrived since the last cycle. */
  async cycle(): Promise<void> {
    if (this.pending.length === 0 && this.touched.size === 0) return;
    const pending = this.pending;
    const ticks = pending.map((p) => p.tick);
    const candles = [...this.touched.values()];
    this.pending = [];
    this.touched.clear();
    const end = this.options.metrics.cycle.startTimer();
    const spotEvents = pending.map(({ tick, prevClose }): MarketEvent<'spot'> => {
      const data: TopicPayloadInput<'spot'> = { symbol: tick.symbol, price: tick.price, seq: this.spotSeq.next() };
      if (prevClose !== undefined) data.prevClose = prevClose;
      if (tick.size !== undefined) data['size'] = tick.size;
      return { topic: 'spot', type: 'tick', ts: tick.ts, data };
    });
    const candleEvents = candles.map((c): MarketEvent<'candles'> => ({ topic: 'candles', type: 'candle', ts: ticks[ticks.length - 1]?.ts ?? c.t, data: { ...c, seq: this.candleSeq.next() } }));
    try {
      await Promise.all([this.options.sink.publish('spot', spotEvents), this.options.sink.publish('candles', candleEvents)]);
      this.options.metrics.ticks.inc(spotEvents.length);
      this.options.metrics.candles.inc(candleEvents.length);
      this.options.onPublished?.(ticks);
    } catch (error) {
      this.options.metrics.failures.inc();
      this.options.logger.error({ err: (error as Error).message, ticks: ticks.length }, 'publish cycle failed; its events are dropped');
    } finally {
      end();
    }
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      if (this.inFlight) return; // a slow Redis never stacks cycles
      this.inFlight = this.cycle().finally(() => (this.inFlight = undefined));
    }, intervalMs);
  }

  /** Stops the timer and flushes what is pending. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.inFlight;
    await this.cycle();
  }
}
