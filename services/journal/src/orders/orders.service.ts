import { Inject, Injectable } from '@nestjs/common';
import type { CreateOrderBody, OptionLeg, OrderStatus } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { savedLegsFromTile } from '@marketswarm/shared/models';
import { parseMicros } from '../database/money.js';
import { PositionsRepository } from '../positions/positions.repository.js';
import { HeatmapSnapshotReader } from '../spreads/heatmap-snapshot.reader.js';
import { TradeLogsService } from '../trade-logs/trade-logs.service.js';
import { OrderFiller } from './order-filler.js';
import { OrdersRepository, type Order, type OrderFill } from './orders.repository.js';
import { sessionCloseOf } from './session-close.js';

export function orderNotFound(id: string): DomainError {
  return new DomainError('not-found', `no order ${id}`, { issues: [{ path: 'id', message: 'no such order' }] });
}

/**
 * The rules of simulated orders: an order goes into one of the user's active logs (the default
 * unless named), lives until its session's close, and leaves `working` exactly once — filled by the
 * worker, cancelled by the user, or expired. Expiry is applied on every read as well as by the
 * worker, so a stale `working` is never answered. Another user's order is one that does not exist.
 *
 * A tile-sourced order trades the live tile's legs: the key's dte is counted from the moment the
 * producer priced it, so only the tile's own expiry instant says which date the trader picked (a
 * form's guess from the key is a day early after the close or east of New York). When the tile is
 * no longer live, the legs sent stand.
 */
@Injectable()
export class OrdersService {
  constructor(
    @Inject(OrdersRepository) private readonly orders: OrdersRepository,
    @Inject(TradeLogsService) private readonly logs: TradeLogsService,
    @Inject(OrderFiller) private readonly filler: OrderFiller,
    @Inject(PositionsRepository) private readonly positions: PositionsRepository,
    @Inject(HeatmapSnapshotReader) private readonly market: HeatmapSnapshotReader,
  ) {}

  private now(): number {
    return Date.now();
  }

  async create(userId: string, body: CreateOrderBody): Promise<Order> {
    const log = await this.logs.activeLogFor(userId, body.logId);
    const source = body.source ?? null;
    if (source?.kind === 'position' && !(await this.positions.get(userId, source.id))) {
      throw new DomainError('not-found', `no saved position ${source.id}`, { issues: [{ path: 'source.id', message: 'no such saved position' }] });
    }
    const legs = source?.kind === 'tile' ? ((await this.liveTileLegs(body.symbol, source.key)) ?? body.legs) : body.legs;
    const createdAt = this.now();
    const order = await this.orders.create(userId, {
      logId: log.id,
      symbol: body.symbol,
      legs,
      quantity: body.quantity,
      limitPriceMicros: parseMicros(String(body.limitPrice)),
      source,
      createdAt,
      expiresAt: sessionCloseOf(createdAt, body.symbol),
    });
    this.filler.wake();
    return order;
  }

  async list(userId: string, status?: OrderStatus): Promise<Order[]> {
    await this.orders.expireDue(this.now(), userId);
    return this.orders.list(userId, status);
  }

  async get(userId: string, id: string): Promise<Order> {
    await this.orders.expireDue(this.now(), userId);
    const order = await this.orders.get(userId, id);
    if (!order) throw orderNotFound(id);
    return order;
  }

  async cancel(userId: string, id: string): Promise<Order> {
    await this.orders.expireDue(this.now(), userId);
    if (!(await this.orders.close(id, 'cancelled', this.now(), null, userId))) {
      const order = await this.get(userId, id);
      throw new DomainError('conflict', `order ${id} is ${order.status}, not working`, { issues: [{ path: 'id', message: `the order is ${order.status}` }] });
    }
    return this.get(userId, id);
  }

  fills(userId: string): Promise<{ order: Order; fill: OrderFill }[]> {
    return this.orders.fills(userId);
  }

  /** The legs of the symbol's live tile with this key; undefined when the heatmap has no such tile now. */
  private async liveTileLegs(symbol: string, key: string): Promise<OptionLeg[] | undefined> {
    const tile = (await this.market.tiles(symbol))?.[key];
    return tile ? savedLegsFromTile(tile) : undefined;
  }
}
