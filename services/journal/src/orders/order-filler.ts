import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { ManualFill } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { microsToNumber } from '../database/money.js';
import { JournalIngestService } from '../ingest/journal-ingest.service.js';
import { INDEX_OPTION_ROOTS } from '../symbols/index-option-roots.js';
import { HeatmapBook } from './heatmap-book.js';
import { OrdersRepository, type Order } from './orders.repository.js';
import { fillDecision, legBookOf, priceSpread, type LegBook, type SpreadPrice } from './spread-pricing.js';

/** How long one XREAD blocks: also how late an expiry or a shutdown can be noticed. */
const BLOCK_MS = 2_000;

type XReadReply = [key: string, entries: [id: string, fields: string[]][]][] | null;

/**
 * Fills working orders against the live heatmap. Runs only while some order is working: it reads
 * the heatmap snapshot hash and the stream's tail in one MULTI, then follows the stream with
 * blocking XREADs on a dedicated market connection (no polling, no KEYS); after every batch (and
 * every empty block, for expiry) it expires what is past its close and prices every working order.
 * When no order is left working it returns; placing one wakes it again.
 *
 * A fill goes through the journal's manual entry (`JournalIngestService.addManual`), so the trade
 * is grouped like any other and the user's tabs hear of it. The order is claimed first (a
 * conditional UPDATE), so a cancel racing the fill loses or wins whole.
 */
@Injectable()
export class OrderFiller implements OnModuleInit, OnModuleDestroy {
  private readonly route: TopicRoute | undefined;
  private readonly logger: ServiceContext['logger'];
  private redis: Redis | undefined;
  private readonly book = new HeatmapBook();
  private synced = false;
  private lastId = '0-0';
  private running: Promise<void> | undefined;
  private wokenWhileRunning = false;
  private stopped = false;
  private endPause: (() => void) | undefined;
  /** Pricing passes run one after another: the loop's and the ones a new order asks for. */
  private passes: Promise<void> = Promise.resolve();

  constructor(
    @Inject(SERVICE_CONTEXT) private readonly ctx: ServiceContext,
    @Inject(OrdersRepository) private readonly orders: OrdersRepository,
    @Inject(JournalIngestService) private readonly ingest: JournalIngestService,
  ) {
    this.route = ctx.truth().doc.topics['heatmap'];
    this.logger = ctx.logger;
  }

  onModuleInit(): void {
    // Orders left working by a previous run are picked up at once.
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.endPause?.();
    this.redis?.disconnect();
    await this.running;
    await this.passes;
  }

  /** A new order: start following the market, or price it against the model already held. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      if (this.synced) void this.pass();
      return;
    }
    this.running = this.run()
      .catch((error: unknown) => this.logger.error({ err: error }, 'order filler stopped on an error'))
      .finally(() => {
        this.running = undefined;
        if (this.wokenWhileRunning) this.wake();
      });
  }

  private async run(): Promise<void> {
    if (!this.route) {
      this.logger.warn('truth declares no heatmap topic: simulated orders stay working until they expire');
      return;
    }
    let failures = 0;
    this.synced = false;
    while (!this.stopped) {
      this.wokenWhileRunning = false;
      try {
        if (!(await this.orders.hasWorking())) return;
        const redis = (this.redis ??= this.ctx.bus.dedicated('market', 'orders'));
        if (!this.synced) await this.resync(redis, this.route);
        await this.pass();
        const reply: XReadReply = await redis.xread('COUNT', 1000, 'BLOCK', BLOCK_MS, 'STREAMS', this.route.stream, this.lastId);
        for (const [, entries] of reply ?? []) {
          for (const [id, fields] of entries) {
            this.lastId = id;
            if (this.book.apply(fields) === 'gap') this.synced = false;
          }
        }
        failures = 0;
      } catch (error) {
        if (this.stopped) return;
        // ioredis reconnects by itself; back off so a down Redis or database is not hammered.
        failures += 1;
        if (failures === 1) this.logger.warn({ err: (error as Error).message }, 'order filler: read failed; retrying');
        this.synced = false;
        await this.pause(Math.min(100 * 2 ** failures, 5_000));
      }
    }
  }

  /** A back-off that a shutdown cuts short. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.endPause = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** The full models and the stream position they are current at, read together. */
  private async resync(redis: Redis, route: TopicRoute): Promise<void> {
    const results = await redis.multi().hgetall(route.snapshot ?? `${route.stream}:none`).xrevrange(route.stream, '+', '-', 'COUNT', 1).exec();
    if (!results) throw new Error('heatmap resync aborted');
    const [[hashError, hash], [tailError, tail]] = results as [[Error | null, Record<string, string>], [Error | null, [string, string[]][]]];
    const failed = hashError ?? tailError;
    if (failed) throw failed;
    const skipped = this.book.reset(hash);
    if (skipped > 0) this.logger.warn({ skipped }, 'order filler: corrupt heatmap snapshot entries skipped');
    this.lastId = tail[0]?.[0] ?? '0-0';
    this.synced = true;
  }

  /** Expires what is due, then prices every working order once. */
  private pass(): Promise<void> {
    this.passes = this.passes.then(() => this.priceWorking()).catch((error: unknown) => this.logger.error({ err: error }, 'order filler: pricing pass failed'));
    return this.passes;
  }

  private async priceWorking(): Promise<void> {
    if (this.stopped) return;
    await this.orders.expireDue(Date.now());
    const books = new Map<string, LegBook>();
    for (const order of await this.orders.working()) {
      const symbol = INDEX_OPTION_ROOTS[order.symbol] ?? order.symbol;
      const tiles = this.book.tiles(symbol);
      if (!tiles) continue;
      let book = books.get(symbol);
      if (!book) books.set(symbol, (book = legBookOf(tiles)));
      const price = priceSpread(order.legs, tiles, order.source?.kind === 'tile' ? order.source.key : undefined, book);
      if (price && fillDecision(price.priceMicros, order.limitPriceMicros).fill) await this.fill(order, price);
    }
  }

  private async fill(order: Order, price: SpreadPrice): Promise<void> {
    const at = Date.now();
    if (!(await this.orders.claimFill(order.userId, { orderId: order.id, priceMicros: price.priceMicros, pricedFrom: price.pricedFrom, filledAt: at }))) return;
    let tradeId: string | null;
    try {
      const result = await this.ingest.addManual(order.userId, order.logId, fillsOf(order, price, at));
      tradeId = result.trades[0]?.id ?? null;
    } catch (error) {
      if (error instanceof DomainError) {
        // The log was archived or deleted since the order was placed: no trade can take the fill.
        await this.orders.undoFill(order.id, { status: 'cancelled', at, reason: `not filled: ${error.message}` });
        this.logger.info({ order: order.id, reason: error.message }, 'order cancelled: its log refused the fill');
        return;
      }
      await this.orders.undoFill(order.id, { status: 'working' });
      throw error;
    }
    await this.orders.fillEntered(order.id, tradeId);
    this.logger.info({ order: order.id, price: microsToNumber(price.priceMicros), tradeId }, 'order filled');
  }
}

/** The fills manual entry takes for a spread order: one per leg, |ratio| × quantity contracts at the leg's price. */
export function fillsOf(order: Pick<Order, 'symbol' | 'legs' | 'quantity'>, price: SpreadPrice, at: number): ManualFill[] {
  return order.legs.map((leg, i) => ({
    executedAt: at,
    instrument: { kind: 'option', underlying: order.symbol, expiry: leg.expiry, strike: leg.strike, right: leg.right === 'call' ? 'C' : 'P' },
    side: leg.ratio > 0 ? 'buy' : 'sell',
    // As a trade typed by hand: grouping decides whether a leg opens or closes.
    positionEffect: 'unknown',
    quantity: Math.abs(leg.ratio) * order.quantity,
    price: microsToNumber(price.legPricesMicros[i] ?? 0),
    commission: 0,
    exchangeFee: 0,
    clearingFee: 0,
  }));
}
