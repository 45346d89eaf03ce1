import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { JournalPosition } from '@marketswarm/shared/dto';
import { publishEvents } from '@marketswarm/shared/bus';
import { isSymbol } from '@marketswarm/shared/events';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { microsToNumber } from '../database/money.js';
import type { Micros } from '../database/money.js';
import type { Trade, TradeLeg } from '../trades/trades.repository.js';

export interface OpenTrade {
  trade: Trade;
  openQuantity: (leg: TradeLeg) => Micros;
}

export interface TradeEventRoutes {
  trades?: TopicRoute;
  positions?: TopicRoute;
}

/** What changed for one user, after the transaction that changed it committed. */
export interface TradeChanges {
  created: readonly Trade[];
  updated: readonly Trade[];
  /** Every trade of the user still open, in every log (the positions snapshot is the whole list), with what of each leg is open. */
  open: readonly OpenTrade[];
}

/**
 * Tells the user's open tabs what the journal changed: one `trades` event per created or updated
 * trade, and the user's whole open-position list on `positions` (its snapshot keeps the latest list
 * per user, so a tab opened later starts from it). Published after commit, never inside the
 * transaction: a tab must not hear of a trade a rollback then removed. A failed publish is logged,
 * not thrown: the trades are stored, and the next change publishes the full list again.
 */
export class TradeEventsPublisher {
  constructor(
    private readonly redis: Redis,
    private readonly routes: TradeEventRoutes,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async publish(userId: string, changes: TradeChanges): Promise<void> {
    const ts = this.now();
    try {
      if (this.routes.trades) {
        const events = [
          ...changes.created.map((trade) => tradeEvent(userId, 'created', trade, ts)),
          ...changes.updated.map((trade) => tradeEvent(userId, 'updated', trade, ts)),
        ].filter((event) => event !== undefined);
        if (events.length > 0) await publishEvents(this.redis, this.routes.trades, events);
      }
      if (this.routes.positions) {
        await publishEvents(this.redis, this.routes.positions, [{ topic: 'positions', type: 'snapshot', ts, user: userId, data: { positions: changes.open.map(toPosition) } }]);
      }
    } catch (error) {
      this.logger.error({ err: error, userId }, 'publishing trade events failed; the next change republishes the positions');
    }
  }
}

function tradeEvent(userId: string, type: 'created' | 'updated', trade: Trade, ts: number) {
  // Futures roots are written /MES in the journal; the event contract's symbol has no slash.
  const symbol = trade.symbol.replace(/^\//, '');
  if (!isSymbol(symbol)) return undefined;
  return {
    topic: 'trades' as const,
    type,
    ts,
    user: userId,
    data: {
      id: trade.id,
      symbol,
      logId: trade.logId,
      strategy: trade.strategy,
      side: trade.side,
      status: trade.status,
      openedAt: trade.openedAt,
      closedAt: trade.closedAt,
      netPnl: microsToNumber(trade.netMicros),
    },
  };
}

/** An open trade as the positions topic carries it: only its legs with something still open, at their open quantity. */
export function toPosition({ trade, openQuantity }: OpenTrade): JournalPosition {
  return {
    id: trade.id,
    logId: trade.logId,
    symbol: trade.symbol,
    strategy: trade.strategy,
    side: trade.side,
    quantity: microsToNumber(trade.quantityMicros),
    openedAt: trade.openedAt,
    legs: trade.legs
      .map((leg) => ({ leg, open: openQuantity(leg) }))
      .filter(({ open }) => open > 0)
      .map(({ leg, open }) => ({
        kind: leg.instrumentKind,
        symbol: leg.symbol,
        expiry: leg.expiry,
        strike: leg.strikeMicros === null ? null : microsToNumber(leg.strikeMicros),
        right: leg.optionRight,
        side: leg.side,
        quantity: microsToNumber(open),
        openPrice: microsToNumber(leg.openPriceMicros),
        multiplier: microsToNumber(leg.multiplierMicros),
      })),
  };
}
