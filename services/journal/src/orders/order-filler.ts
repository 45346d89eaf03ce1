import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { OptionLeg } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { INDEX_OPTION_ROOTS, singleOptionMids, type HeatmapTiles, type OptionMids } from '@marketswarm/shared/models';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { AlertSyncPublisher } from '../alerts/alert-sync.publisher.js';
import { microsToNumber, type Micros } from '../database/money.js';
import { JournalIngestService } from '../ingest/journal-ingest.service.js';
import { fillsFromLegs, holdsEveryLeg } from '../spreads/spread-fills.js';
import { HeatmapBook } from './heatmap-book.js';
import { OrdersRepository, type Order } from './orders.repository.js';
import { fillDecision, priceSpread, splitSpreadPrice, type SpreadPrice } from './spread-pricing.js';

/** How long one XREAD blocks: also how late an expiry or a shutdown can be noticed. */
const BLOCK_MS = 2_000;
/** A fill unannounced this long after its claim was left by a stopped process (or a failed append), not one in flight now. */
const RECOVER_AFTER_MS = 30_000;
/** How often fills left unannounced are looked for while no order is working. */
const RECOVERY_INTERVAL_MS = 60_000;

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
 *
 * Claim, entry and announcement are three steps (manual entry opens its own transaction; the
 * announcement is an XADD to system Redis), so a process stopped between them — or a Redis that
 * refused the append — leaves a fill with no trade, or a fill nobody announced. A fill counts as
 * settled only once its announcement is appended (`announced_at`); unsettled fills are taken up again
 * at start, on every pricing pass and every minute: entered if they have no trade (each fill's
 * executions carry row hashes derived from the order's id, so an entry that did land before the stop
 * is found again, never doubled), then announced.
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
  private recovery: ReturnType<typeof setInterval> | undefined;

  constructor(
    @Inject(SERVICE_CONTEXT) private readonly ctx: ServiceContext,
    @Inject(OrdersRepository) private readonly orders: OrdersRepository,
    @Inject(JournalIngestService) private readonly ingest: JournalIngestService,
    @Inject(AlertSyncPublisher) private readonly sync: AlertSyncPublisher,
  ) {
    this.route = ctx.truth().doc.topics['heatmap'];
    this.logger = ctx.logger;
  }

  onModuleInit(): void {
    // Orders left working, and fills left unsettled, by a previous run are picked up at once.
    this.wake();
    void this.serially(() => this.recoverUnsettled());
    this.recovery = setInterval(() => void this.serially(() => this.recoverUnsettled()), RECOVERY_INTERVAL_MS);
    this.recovery.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.recovery);
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
    return this.serially(async () => {
      await this.priceWorking();
      await this.recoverUnsettled();
    });
  }

  /** Runs after every pass and recovery already queued, so no two touch one order at once in this process. */
  private serially(task: () => Promise<void>): Promise<void> {
    this.passes = this.passes.then(task).catch((error: unknown) => this.logger.error({ err: error }, 'order filler: pass failed'));
    return this.passes;
  }

  private async priceWorking(): Promise<void> {
    if (this.stopped) return;
    await this.orders.expireDue(Date.now());
    const midsBySymbol = new Map<string, OptionMids>();
    for (const order of await this.orders.working()) {
      const symbol = INDEX_OPTION_ROOTS[order.symbol] ?? order.symbol;
      const tiles = this.book.tiles(symbol);
      if (!tiles) continue;
      let mids = midsBySymbol.get(symbol);
      if (!mids) midsBySymbol.set(symbol, (mids = singleOptionMids(Object.values(tiles))));
      const price = priceSpread(order.legs, tiles, order.source?.kind === 'tile' ? order.source.key : undefined, mids);
      if (price && fillDecision(price.priceMicros, order.limitPriceMicros).fill) await this.fill(order, price);
    }
  }

  /** Enters and announces every fill a stopped process or a failed append left unsettled (see the class comment). */
  private async recoverUnsettled(now = Date.now()): Promise<void> {
    if (this.stopped) return;
    let market: HeatmapBook | undefined;
    for (const order of await this.orders.unannounced(now - RECOVER_AFTER_MS)) {
      if (!order.fill) continue;
      try {
        if (order.fill.tradeId === null) {
          market ??= await this.snapshotBook();
          const tiles = market.tiles(INDEX_OPTION_ROOTS[order.symbol] ?? order.symbol);
          if (!(await this.enter(order, order.fill.filledAt, recoveredLegPrices(order.legs, order.fill.priceMicros, tiles)))) continue;
          this.logger.info({ order: order.id }, 'order fill entered after a restart');
        }
        if (await this.announceFilled(order)) this.logger.info({ order: order.id }, 'order fill announced after a restart or a failed append');
      } catch (error) {
        // Left for the next sweep: the database or the log is not answering now.
        this.logger.warn({ order: order.id, err: (error as Error).message }, 'order filler: settling a left-over fill failed; retrying later');
      }
    }
  }

  /**
   * The heatmap as the producer's snapshot hash holds it now, read apart from the loop's book, which
   * may be stale (no order working) or mid-sync: a left-over fill's legs are priced from it.
   */
  private async snapshotBook(): Promise<HeatmapBook> {
    const book = new HeatmapBook();
    if (this.route?.snapshot) book.reset(await this.ctx.bus.get('market').hgetall(this.route.snapshot));
    return book;
  }

  private async fill(order: Order, price: SpreadPrice): Promise<void> {
    const at = Date.now();
    if (!(await this.orders.claimFill(order.userId, { orderId: order.id, priceMicros: price.priceMicros, pricedFrom: price.pricedFrom, filledAt: at }))) return;
    let entered: boolean;
    try {
      entered = await this.enter(order, at, price.legPricesMicros);
    } catch (error) {
      await this.orders.undoFill(order.id, { status: 'working' });
      throw error;
    }
    if (!entered) return;
    this.logger.info({ order: order.id, price: microsToNumber(price.priceMicros) }, 'order filled');
    await this.announceFilled(order);
  }

  /**
   * Tells the evaluator (the copilot's fill alerts) on the alert sync stream, once the fill and its
   * trade are stored, so its read of the order finds both; then marks the fill announced. A refused
   * append leaves it unannounced for the next sweep; a process stopped after the append but before
   * the mark announces it twice, which the evaluator ignores (it keys fills by order): a duplicate is
   * worth less than a fill nobody hears of. True when announced now.
   */
  private async announceFilled(order: Order): Promise<boolean> {
    if (!(await this.sync.publish({ user: order.userId, entity: 'order', id: order.id, change: 'filled' }))) return false;
    await this.orders.fillAnnounced(order.id, Date.now());
    return true;
  }

  /**
   * Enters a claimed fill as a trade in the order's log and records the trade's id on the fill. A
   * log archived or deleted since the order was placed refuses it: the order ends cancelled saying
   * why, and the answer is false (no fill stands).
   */
  private async enter(order: Order, at: number, legPricesMicros: readonly Micros[]): Promise<boolean> {
    const fills = fillsFromLegs(order, { executedAt: at, prices: legPricesMicros.map(microsToNumber), positionEffect: 'unknown' });
    const rowHashes = order.legs.map((_, i) => orderFillRowHash(order.id, i));
    let tradeId: string | null;
    try {
      const result = await this.ingest.addManual(order.userId, order.logId, fills, null, rowHashes);
      // The trade holding the spread; a fill that closed or joined another position is found by its execution.
      tradeId = result.trades.find((t) => holdsEveryLeg(t, order.legs))?.id ?? (await this.orders.tradeOfRowHash(order.userId, order.logId, rowHashes[0] ?? '')) ?? null;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await this.orders.undoFill(order.id, { status: 'cancelled', at, reason: `not filled: ${error.message}` });
      this.logger.info({ order: order.id, reason: error.message }, 'order cancelled: its log refused the fill');
      return false;
    }
    await this.orders.fillEntered(order.id, tradeId);
    return true;
  }
}

/** The row hash of an order's fill on one leg: the same on every entry of that fill, so a retry adds nothing. */
export function orderFillRowHash(orderId: string, legIndex: number): string {
  return createHash('sha256').update(`order-fill:${orderId}:${legIndex}`).digest('hex');
}

/**
 * Leg prices for a fill re-entered after a restart, which kept only its spread price: split by the
 * same `splitSpreadPrice` a live tile fill uses, at the mids of the heatmap held now, so a restart
 * against the market the fill saw enters exactly the live fill's leg prices (a fill priced leg by
 * leg gets its mids back). Without a heatmap, the price goes on one carrier leg.
 */
export function recoveredLegPrices(legs: readonly OptionLeg[], spreadMicros: Micros, tiles: HeatmapTiles | undefined): Micros[] {
  return splitSpreadPrice(legs, spreadMicros, singleOptionMids(Object.values(tiles ?? {})));
}
