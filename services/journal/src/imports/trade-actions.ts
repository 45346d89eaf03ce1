import type { ExecutionSide, PositionEffect } from '@marketswarm/shared/dto';
import { isNegativeDecimal } from './decimal.js';

/** What a broker's action word says about an execution: its side, and whether it opens or closes. */
export interface TradeAction {
  side: ExecutionSide;
  positionEffect: PositionEffect;
}

export const BUY_TO_OPEN: TradeAction = { side: 'buy', positionEffect: 'open' };
export const SELL_TO_OPEN: TradeAction = { side: 'sell', positionEffect: 'open' };
export const BUY_TO_CLOSE: TradeAction = { side: 'buy', positionEffect: 'close' };
export const SELL_TO_CLOSE: TradeAction = { side: 'sell', positionEffect: 'close' };
/** A plain Buy or Sell: whether it opens or closes is the trade grouping's to decide. */
export const BUY: TradeAction = { side: 'buy', positionEffect: 'unknown' };
export const SELL: TradeAction = { side: 'sell', positionEffect: 'unknown' };

/**
 * An expiration or assignment closes a position, and the export's signed quantity says which:
 * positive takes contracts in (a short closed, a buy), negative gives them up (a long closed, a sell).
 */
export function closingBySign(signedQuantity: string): TradeAction {
  return isNegativeDecimal(signedQuantity) ? SELL_TO_CLOSE : BUY_TO_CLOSE;
}

/** The order actions brokers spell in words, by their normalised spelling (see tradeActionOf). */
const WORDED_ACTIONS: Readonly<Record<string, TradeAction>> = {
  buy: BUY,
  sell: SELL,
  'buy to open': BUY_TO_OPEN,
  'sell to open': SELL_TO_OPEN,
  'buy to close': BUY_TO_CLOSE,
  'sell to close': SELL_TO_CLOSE,
  'sell short': SELL_TO_OPEN,
  'buy to cover': BUY_TO_CLOSE,
};

/**
 * An action as Schwab (`Buy to Open`), E*TRADE (`Bought To Cover`, `Sold Short`), TradeStation
 * (`Sell Short`) and tastytrade (`BUY_TO_OPEN`) spell it: case, underscores and past tense aside,
 * the same eight words. Null for anything else (a dividend, a journal entry).
 */
export function tradeActionOf(text: string): TradeAction | null {
  const words = text.trim().toLowerCase().replace(/_/g, ' ').replace(/\s+/g, ' ').replace(/^bought\b/, 'buy').replace(/^sold\b/, 'sell');
  return WORDED_ACTIONS[words] ?? null;
}
