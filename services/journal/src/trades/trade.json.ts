import { marketAtEntrySchema, type MarketAtEntry, type TradeDto, type TradeLegDto } from '@marketswarm/shared/dto';
import { microsToNumber } from '../database/money.js';
import type { Tag } from '../tags/tags.repository.js';
import type { Trade, TradeLeg } from './trades.repository.js';

const decimalOrNull = (micros: number | null): number | null => (micros === null ? null : microsToNumber(micros));

function legJson(leg: TradeLeg): TradeLegDto {
  return {
    id: leg.id,
    index: leg.legIndex,
    instrumentKind: leg.instrumentKind,
    symbol: leg.symbol,
    expiry: leg.expiry,
    strike: decimalOrNull(leg.strikeMicros),
    right: leg.optionRight,
    side: leg.side,
    quantity: microsToNumber(leg.quantityMicros),
    openPrice: microsToNumber(leg.openPriceMicros),
    closePrice: decimalOrNull(leg.closePriceMicros),
    multiplier: microsToNumber(leg.multiplierMicros),
    fills: leg.fills.map((f) => ({ executionId: f.executionId, quantity: microsToNumber(f.quantityMicros) })),
  };
}

/**
 * A trade as JSON: money as decimal numbers in the log's currency, times as epoch ms, tags with
 * their names (`tags` holds the user's tags by id), R as net / risk from the exact micros.
 */
export function tradeJson(trade: Trade, tags: ReadonlyMap<string, Tag>): TradeDto {
  return {
    id: trade.id,
    logId: trade.logId,
    symbol: trade.symbol,
    strategy: trade.strategy,
    side: trade.side,
    quantity: microsToNumber(trade.quantityMicros),
    status: trade.status,
    openedAt: trade.openedAt,
    closedAt: trade.closedAt,
    gross: microsToNumber(trade.grossMicros),
    fees: microsToNumber(trade.feesMicros),
    net: microsToNumber(trade.netMicros),
    risk: decimalOrNull(trade.riskMicros),
    r: trade.riskMicros !== null && trade.riskMicros > 0 ? trade.netMicros / trade.riskMicros : null,
    notes: trade.notes,
    tags: trade.tagIds.flatMap((id) => {
      const tag = tags.get(id);
      return tag ? [{ id: tag.id, name: tag.name }] : [];
    }),
    marketAtEntry: marketAtEntryOf(trade.marketAtEntry),
    legs: trade.legs.map(legJson),
    createdAt: trade.createdAt,
    updatedAt: trade.updatedAt,
  };
}

/** The stored stamp as the contract says it is; a row written in another shape (by hand, by an older version) reads as not stamped. */
function marketAtEntryOf(stored: unknown): MarketAtEntry | null {
  const parsed = marketAtEntrySchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
