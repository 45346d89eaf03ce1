import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OptionLeg, OrderSource, OrderStatus } from '@marketswarm/shared/dto';
import type { EpochMs, JournalDb, OrderFillRow, OrderRow } from '../database/journal-db.js';
import type { Micros } from '../database/money.js';

export interface OrderFill {
  orderId: string;
  priceMicros: Micros;
  pricedFrom: 'legs' | 'tile';
  filledAt: EpochMs;
  tradeId: string | null;
}

export interface Order {
  id: string;
  userId: string;
  logId: string;
  symbol: string;
  legs: OptionLeg[];
  quantity: number;
  limitPriceMicros: Micros;
  source: OrderSource | null;
  status: OrderStatus;
  reason: string | null;
  createdAt: EpochMs;
  expiresAt: EpochMs;
  closedAt: EpochMs | null;
  fill: OrderFill | null;
}

export interface NewOrder {
  logId: string;
  symbol: string;
  legs: readonly OptionLeg[];
  quantity: number;
  limitPriceMicros: Micros;
  source: OrderSource | null;
  createdAt: EpochMs;
  expiresAt: EpochMs;
}

/**
 * All SQL on `orders` and `order_fills`. User-facing reads are scoped by user; the fill worker's
 * reads (`working`, `claim`) span users because it serves them all. A status change is a
 * conditional UPDATE on `status = 'working'`, so a cancel and a fill racing for one order cannot
 * both win.
 */
export class OrdersRepository {
  constructor(private readonly db: Kysely<JournalDb>) {}

  async create(userId: string, order: NewOrder): Promise<Order> {
    const row = await this.db
      .insertInto('orders')
      .values({
        id: randomUUID(),
        user_id: userId,
        log_id: order.logId,
        symbol: order.symbol,
        legs: JSON.stringify(order.legs),
        quantity: order.quantity,
        limit_price_micros: order.limitPriceMicros,
        source_kind: order.source?.kind ?? null,
        source_ref: order.source === null ? null : order.source.kind === 'tile' ? order.source.key : order.source.id,
        status: 'working',
        reason: null,
        created_at: order.createdAt,
        expires_at: order.expiresAt,
        closed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toOrder(row, undefined);
  }

  async get(userId: string, id: string): Promise<Order | undefined> {
    const row = await this.db.selectFrom('orders').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const fill = await this.db.selectFrom('order_fills').selectAll().where('user_id', '=', userId).where('order_id', '=', id).executeTakeFirst();
    return toOrder(row, fill);
  }

  /** The evaluator's read: any user's order by id (the caller is trusted by the internal token), its owner on it. */
  async getForEvaluator(id: string): Promise<Order | undefined> {
    const row = await this.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const fill = await this.db.selectFrom('order_fills').selectAll().where('user_id', '=', row.user_id).where('order_id', '=', id).executeTakeFirst();
    return toOrder(row, fill);
  }

  /** Newest first. */
  async list(userId: string, status?: OrderStatus): Promise<Order[]> {
    let query = this.db.selectFrom('orders').selectAll().where('user_id', '=', userId);
    if (status !== undefined) query = query.where('status', '=', status);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
    const fills = rows.some((r) => r.status === 'filled') ? await this.db.selectFrom('order_fills').selectAll().where('user_id', '=', userId).execute() : [];
    const byOrder = new Map(fills.map((f) => [f.order_id, f]));
    return rows.map((row) => toOrder(row, byOrder.get(row.id)));
  }

  /** The user's fills, newest first, with the order they filled. */
  async fills(userId: string): Promise<{ order: Order; fill: OrderFill }[]> {
    const fills = await this.db.selectFrom('order_fills').selectAll().where('user_id', '=', userId).orderBy('filled_at', 'desc').orderBy('order_id').execute();
    if (fills.length === 0) return [];
    const orders = await this.db.selectFrom('orders').selectAll().where('user_id', '=', userId).where('id', 'in', fills.map((f) => f.order_id)).execute();
    const byId = new Map(orders.map((o) => [o.id, o]));
    return fills.flatMap((f) => {
      const row = byId.get(f.order_id);
      return row ? [{ order: toOrder(row, f), fill: toFill(f) }] : [];
    });
  }

  /** Every working order of every user (the worker's book), soonest expiry first. */
  async working(): Promise<Order[]> {
    const rows = await this.db.selectFrom('orders').selectAll().where('status', '=', 'working').orderBy('expires_at').execute();
    return rows.map((row) => toOrder(row, undefined));
  }

  async hasWorking(): Promise<boolean> {
    const row = await this.db.selectFrom('orders').select('id').where('status', '=', 'working').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** Moves a working order on; false when it was no longer working (another path got there first). */
  async close(id: string, status: Exclude<OrderStatus, 'working'>, at: EpochMs, reason: string | null = null, userId?: string): Promise<boolean> {
    let query = this.db.updateTable('orders').set({ status, closed_at: at, reason }).where('id', '=', id).where('status', '=', 'working');
    if (userId !== undefined) query = query.where('user_id', '=', userId);
    const result = await query.executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Expires working orders past their close (one user's, or everyone's for the worker); how many. */
  async expireDue(now: EpochMs, userId?: string): Promise<number> {
    let query = this.db.updateTable('orders').set({ status: 'expired', closed_at: (eb) => eb.ref('expires_at') }).where('status', '=', 'working').where('expires_at', '<=', now);
    if (userId !== undefined) query = query.where('user_id', '=', userId);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Claims a working order for a fill and records the fill's price and time in one transaction, so
   * no reader sees `filled` without its fill; false when the order was no longer working, or its
   * session had closed by the fill's time (it expired, even if nobody has marked it yet). The trade
   * id follows once manual entry has made the trade (`fillEntered`), and the announcement after it
   * (`fillAnnounced`).
   */
  async claimFill(userId: string, fill: Omit<OrderFill, 'tradeId'>): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('orders')
        .set({ status: 'filled', closed_at: fill.filledAt })
        .where('id', '=', fill.orderId)
        .where('status', '=', 'working')
        .where('expires_at', '>', fill.filledAt)
        .executeTakeFirst();
      if (claimed.numUpdatedRows === 0n) return false;
      await trx
        .insertInto('order_fills')
        .values({ order_id: fill.orderId, user_id: userId, price_micros: fill.priceMicros, priced_from: fill.pricedFrom, filled_at: fill.filledAt, trade_id: null, announced_at: null })
        .execute();
      return true;
    });
  }

  /**
   * Filled orders not yet announced on the alert sync stream, filled at or before `filledBefore`,
   * every user's: the process stopped (or the append failed) somewhere between the claim and the
   * announcement. The worker enters those still without their trade and announces them all.
   */
  async unannounced(filledBefore: EpochMs): Promise<Order[]> {
    // A sweep takes a bounded batch (oldest first); the next sweep takes the rest.
    const fills = await this.db.selectFrom('order_fills').selectAll().where('announced_at', 'is', null).where('filled_at', '<=', filledBefore).orderBy('filled_at').orderBy('order_id').limit(100).execute();
    if (fills.length === 0) return [];
    const rows = await this.db.selectFrom('orders').selectAll().where('status', '=', 'filled').where('id', 'in', fills.map((f) => f.order_id)).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return fills.flatMap((fill) => {
      const row = byId.get(fill.order_id);
      return row ? [toOrder(row, fill)] : [];
    });
  }

  /** The fill's announcement is on the alert sync stream: no sweep announces it again. */
  async fillAnnounced(orderId: string, at: EpochMs): Promise<void> {
    await this.db.updateTable('order_fills').set({ announced_at: at }).where('order_id', '=', orderId).execute();
  }

  /** The trade in a log holding the execution with this row hash; undefined when there is none. */
  async tradeOfRowHash(userId: string, logId: string, rowHash: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('executions')
      .innerJoin('trade_leg_executions', 'trade_leg_executions.execution_id', 'executions.id')
      .innerJoin('trade_legs', 'trade_legs.id', 'trade_leg_executions.leg_id')
      .select('trade_legs.trade_id')
      .where('executions.user_id', '=', userId)
      .where('executions.log_id', '=', logId)
      .where('executions.row_hash', '=', rowHash)
      .executeTakeFirst();
    return row?.trade_id;
  }

  async fillEntered(orderId: string, tradeId: string | null): Promise<void> {
    await this.db.updateTable('order_fills').set({ trade_id: tradeId }).where('order_id', '=', orderId).execute();
  }

  /**
   * Undoes a claimed fill whose entry did not happen: the order works again (a passing failure, the
   * database), or ends cancelled saying why (its log was archived or deleted meanwhile).
   */
  async undoFill(orderId: string, outcome: { status: 'working' } | { status: 'cancelled'; at: EpochMs; reason: string }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('order_fills').where('order_id', '=', orderId).execute();
      const set = outcome.status === 'working' ? { status: 'working' as const, closed_at: null } : { status: 'cancelled' as const, closed_at: outcome.at, reason: outcome.reason };
      await trx.updateTable('orders').set(set).where('id', '=', orderId).where('status', '=', 'filled').execute();
    });
  }
}

function toFill(row: OrderFillRow): OrderFill {
  return { orderId: row.order_id, priceMicros: row.price_micros, pricedFrom: row.priced_from, filledAt: row.filled_at, tradeId: row.trade_id };
}

function toOrder(row: OrderRow, fill: OrderFillRow | undefined): Order {
  const source: OrderSource | null = row.source_kind === 'tile' ? { kind: 'tile', key: row.source_ref ?? '' } : row.source_kind === 'position' ? { kind: 'position', id: row.source_ref ?? '' } : null;
  return {
    id: row.id,
    userId: row.user_id,
    logId: row.log_id,
    symbol: row.symbol,
    legs: JSON.parse(row.legs) as OptionLeg[],
    quantity: row.quantity,
    limitPriceMicros: row.limit_price_micros,
    source,
    status: row.status,
    reason: row.reason,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    closedAt: row.closed_at,
    fill: fill ? toFill(fill) : null,
  };
}
