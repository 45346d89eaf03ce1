import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Insertable } from 'kysely';
import type { JournalDb, TradeLegExecutionsTable, TradeLegsTable, TradesTable } from '../database/journal-db.js';
import type { NewTrade, NewTradeLeg } from './trades.repository.js';

/** Rows per multi-row INSERT: trades have about 20 columns, legs 14, fills 4; far below either database's parameter limit. */
const TRADE_BATCH = 500;
const LEG_BATCH = 500;
const FILL_BATCH = 2_000;

/** Trade rows with their legs and leg fills, in a few multi-row statements; the caller owns the transaction. */
export async function insertTradeRows(db: Kysely<JournalDb>, userId: string, trades: readonly { row: Insertable<TradesTable> & { id: string }; legs: readonly NewTradeLeg[] }[]): Promise<void> {
  for (let i = 0; i < trades.length; i += TRADE_BATCH) {
    await db
      .insertInto('trades')
      .values(trades.slice(i, i + TRADE_BATCH).map((t) => t.row))
      .execute();
  }
  await insertTradeLegs(
    db,
    userId,
    trades.map((t) => ({ tradeId: t.row.id, legs: t.legs })),
  );
}

/**
 * Writes trades' legs in order and the fill parts each used, in a few multi-row statements however
 * many trades an import builds; the caller owns the trade rows and the transaction.
 */
export async function insertTradeLegs(db: Kysely<JournalDb>, userId: string, trades: readonly { tradeId: string; legs: readonly NewTradeLeg[] }[]): Promise<void> {
  const legRows: Insertable<TradeLegsTable>[] = [];
  const fillRows: Insertable<TradeLegExecutionsTable>[] = [];
  for (const { tradeId, legs } of trades) {
    for (const [legIndex, leg] of legs.entries()) {
      const legId = randomUUID();
      legRows.push({
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
      });
      for (const f of leg.fills) fillRows.push({ leg_id: legId, execution_id: f.executionId, user_id: userId, quantity_micros: f.quantityMicros });
    }
  }
  for (let i = 0; i < legRows.length; i += LEG_BATCH) await db.insertInto('trade_legs').values(legRows.slice(i, i + LEG_BATCH)).execute();
  for (let i = 0; i < fillRows.length; i += FILL_BATCH) await db.insertInto('trade_leg_executions').values(fillRows.slice(i, i + FILL_BATCH)).execute();
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

/** The market-at-entry column: JSON text, or null when there is no stamp. */
export function marketAtEntryText(stamp: unknown): string | null {
  return stamp === null || stamp === undefined ? null : JSON.stringify(stamp);
}
