import { exchangeTime, type ClosedTrade, type TradeSide } from '@marketswarm/shared/journal';
import { microsToNumber } from '../database/money.js';
import type { ClosedTradeRow } from '../trades/trades.repository.js';

const DAY_MS = 86_400_000;
const SHORT_SIDES = new Set(['short', 'credit', 'sell']);

/** The grouping names a position's direction long/short or debit/credit; analytics know long and short. */
export function tradeSideOf(side: string): TradeSide {
  return SHORT_SIDES.has(side.toLowerCase()) ? 'short' : 'long';
}

/** Calendar days from the entry date (exchange time) to the nearest expiry; undefined without options. */
export function dteOf(openedAt: number, nearestExpiry: string | null, timeZone: string): number | undefined {
  if (nearestExpiry === null) return undefined;
  const entryDate = exchangeTime(openedAt, timeZone).date;
  return Math.round((Date.parse(`${nearestExpiry}T00:00:00Z`) - Date.parse(`${entryDate}T00:00:00Z`)) / DAY_MS);
}

/** A stored closed trade as the shared analytics read it (money stays in integer micros). */
export function closedTradeOf(row: ClosedTradeRow, timeZone: string): ClosedTrade {
  const dte = dteOf(row.openedAt, row.nearestExpiry, timeZone);
  return {
    id: row.id,
    symbol: row.symbol,
    strategy: row.strategy,
    side: tradeSideOf(row.side),
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    grossMinor: row.grossMicros,
    feesMinor: row.feesMicros,
    netMinor: row.netMicros,
    riskMinor: row.riskMicros,
    tags: row.tags,
    ...(dte !== undefined && { dte }),
    quantity: microsToNumber(row.quantityMicros),
  };
}
