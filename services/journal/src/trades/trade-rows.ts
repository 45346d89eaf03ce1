import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { JournalDb } from '../database/journal-db.js';
import type { NewTrade, NewTradeLeg } from './trades.repository.js';

/** Writes a trade's legs in order and the fill parts each used; the caller owns the trade row and the transaction. */
export async function insertTradeLegs(db: Kysely<JournalDb>, userId: string, tradeId: string, legs: readonly NewTradeLeg[]): Promise<void> {
  for (const [legIndex, leg] of legs.entries()) {
    const legId = randomUUID();
    await db
      .insertInto('trade_legs')
      .values({
        id: legId,
        trade_id: tradeId,
        user_id: userId,
        leg_index: legIndex,
        instrument_kind: leg.instrumentKind,
        symbol: leg.symbol,
        expiry: leg.expiry,
        strike_micros: leg.strikeMicros,
        option_right: leg.optionRight,
        side: leg.side,
        quantity_micros: leg.quantityMicros,
        open_price_micros: leg.openPriceMicros,
        close_price_micros: leg.closePriceMicros,
        multiplier_micros: leg.multiplierMicros,
      })
      .execute();
    if (leg.fills.length > 0) {
      await db
        .insertInto('trade_leg_executions')
        .values(leg.fills.map((f) => ({ leg_id: legId, execution_id: f.executionId, user_id: userId, quantity_micros: f.quantityMicros })))
        .execute();
    }
  }
}

/** A trade's figures as its row's columns, written alike by a plain insert and by regrouping. */
export function tradeFigureColumns(trade: NewTrade) {
  return {
    symbol: trade.symbol,
    strategy: trade.strategy,
    side: trade.side,
    quantity_micros: trade.quantityMicros,
    opened_at: trade.openedAt,
    closed_at: trade.closedAt,
    status: trade.status,
    gross_micros: trade.grossMicros,
    fees_micros: trade.feesMicros,
    net_micros: trade.netMicros,
  };
}
