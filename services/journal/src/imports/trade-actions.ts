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
