import type { ManualFill, OptionLeg, TradeDto } from '@marketswarm/shared/dto';
import { microsToNumber, multiplyMicros, unitsToMicros, type Micros } from '../database/money.js';

/**
 * A spread as the journal trades it (a saved position logged, an order filled): option legs of one
 * underlying, each `ratio` contracts per spread (signed: + bought, − sold), bought `quantity` times.
 */
export interface Spread {
  symbol: string;
  legs: readonly OptionLeg[];
  quantity: number;
}

export interface SpreadFillTerms {
  executedAt: number;
  /** Per unit, one per leg in leg order. */
  prices: readonly number[];
  /** `open` when the spread is known to open a position; `unknown` lets grouping decide, as for a trade typed by hand. */
  positionEffect: 'open' | 'unknown';
  /** Per contract, per leg; default 0. */
  commissionMicros?: Micros;
}

/** The fills manual entry takes for a spread: one per leg, |ratio| × quantity contracts at the leg's price. */
export function fillsFromLegs(spread: Spread, terms: SpreadFillTerms): ManualFill[] {
  return spread.legs.map((leg, i) => {
    const contracts = Math.abs(leg.ratio) * spread.quantity;
    return {
      executedAt: terms.executedAt,
      instrument: { kind: 'option', underlying: spread.symbol, expiry: leg.expiry, strike: leg.strike, right: leg.right === 'call' ? 'C' : 'P' },
      side: leg.ratio > 0 ? 'buy' : 'sell',
      positionEffect: terms.positionEffect,
      quantity: contracts,
      price: terms.prices[i] ?? 0,
      // The fill's total, as manual entry takes it, from the per-contract commission.
      commission: terms.commissionMicros === undefined ? 0 : microsToNumber(multiplyMicros(terms.commissionMicros, unitsToMicros(contracts))),
      exchangeFee: 0,
      clearingFee: 0,
    };
  });
}

/** Whether a trade holds the spread: a leg on each of its options, on the side the spread takes it. */
export function holdsEveryLeg(trade: Pick<TradeDto, 'legs'>, legs: readonly OptionLeg[]): boolean {
  return legs.every((leg) =>
    trade.legs.some((l) => l.expiry === leg.expiry && l.strike === leg.strike && l.right === (leg.right === 'call' ? 'C' : 'P') && l.side === (leg.ratio > 0 ? 'buy' : 'sell')),
  );
}
