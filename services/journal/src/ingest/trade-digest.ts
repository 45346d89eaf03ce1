import { createHash } from 'node:crypto';
import type { NewTrade } from '../trades/trades.repository.js';

/**
 * A digest of everything grouping decides about a trade (its figures, legs and the fill parts each
 * leg used), and nothing the trader edits (notes, tags, a typed risk) or the market at entry. Equal
 * digests mean a regrouping changed nothing, so the stored trade is left as it is.
 */
export function tradeDigest(trade: NewTrade): string {
  const decided = {
    symbol: trade.symbol,
    strategy: trade.strategy,
    side: trade.side,
    quantity: trade.quantityMicros,
    openedAt: trade.openedAt,
    closedAt: trade.closedAt,
    status: trade.status,
    gross: trade.grossMicros,
    fees: trade.feesMicros,
    net: trade.netMicros,
    risk: trade.riskMicros,
    legs: trade.legs.map((leg) => [
      leg.instrumentKind,
      leg.symbol,
      leg.expiry,
      leg.strikeMicros,
      leg.optionRight,
      leg.side,
      leg.quantityMicros,
      leg.openPriceMicros,
      leg.closePriceMicros,
      leg.multiplierMicros,
      leg.fills.map((f) => [f.executionId, f.quantityMicros]),
    ]),
  };
  return createHash('sha256').update(JSON.stringify(decided)).digest('hex');
}
