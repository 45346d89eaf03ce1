import { Inject, Injectable } from '@nestjs/common';
import type { CreateOrderBody, OrderStatus } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { parseMicros } from '../database/money.js';
import { logNotFound, TradeLogsService } from '../trade-logs/trade-logs.service.js';
import type { TradeLog } from '../trade-logs/trade-logs.repository.js';
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
 */
@Injectable()
export class OrdersService {
  constructor(
    @Inject(OrdersRepository) private readonly orders: OrdersRepository,
    @Inject(TradeLogsService) private readonly logs: TradeLogsService,
    @Inject(OrderFiller) private readonly filler: OrderFiller,
  ) {}

  private now(): number {
    return Date.now();
  }

  async create(userId: string, body: CreateOrderBody): Promise<Order> {
    const log = await this.logOf(userId, body.logId);
    if (log.archivedAt !== null) throw new DomainError('conflict', `trade log ${log.id} is archived; reactivate it to trade into it`, { issues: [{ path: 'logId', message: 'the log is archived' }] });
    const createdAt = this.now();
    const order = await this.orders.create(userId, {
      logId: log.id,
      symbol: body.symbol,
      legs: body.legs,
      quantity: body.quantity,
      limitPriceMicros: parseMicros(String(body.limitPrice)),
      source: body.source ?? null,
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

  private async logOf(userId: string, logId: string | undefined): Promise<TradeLog> {
    if (logId === undefined) return this.logs.defaultLog(userId);
    try {
      return await this.logs.get(userId, logId);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not-found') throw logNotFound(logId, 'logId');
      throw error;
    }
  }
}
