import type { OrderDto, OrderFillDto } from '@marketswarm/shared/dto';
import { microsToNumber } from '../database/money.js';
import type { Order, OrderFill } from './orders.repository.js';

export function orderFillJson(order: Pick<Order, 'symbol' | 'quantity'>, fill: OrderFill): OrderFillDto {
  return { orderId: fill.orderId, symbol: order.symbol, quantity: order.quantity, price: microsToNumber(fill.priceMicros), at: fill.filledAt, tradeId: fill.tradeId, pricedFrom: fill.pricedFrom };
}

export function orderJson(order: Order): OrderDto {
  return {
    id: order.id,
    logId: order.logId,
    symbol: order.symbol,
    legs: order.legs.map((leg) => ({ expiry: leg.expiry, strike: leg.strike, right: leg.right, ratio: leg.ratio })),
    quantity: order.quantity,
    limitPrice: microsToNumber(order.limitPriceMicros),
    source: order.source,
    status: order.status,
    createdAt: order.createdAt,
    expiresAt: order.expiresAt,
    closedAt: order.closedAt,
    reason: order.reason,
    fill: order.fill ? orderFillJson(order, order.fill) : null,
  };
}
