import type { Execution } from '../executions/executions.repository.js';
import { MICROS_SQUARED, shareOf } from './exact-share.js';

/** The money that goes with a part of a fill. */
export interface FillPart {
  /** price × quantity × multiplier, positive, in micros. */
  cash: bigint;
  /** The part's share of the fill's commission + exchange + clearing fees (a rebate is negative). */
  fee: bigint;
}

/**
 * Hands out parts of fills in the order the grouping uses them (a flip's closing part first, then
 * its opening rest). Each part's cash and fee are cumulative shares of the whole fill's
 * (exact-share.ts), so the parts of a fill split between two trades add up to the fill to the micro:
 * the rounding remainder, at most one micro, lands on whichever part crosses it. A fill's cash is
 * computed from the whole quantity, not from an average price, so nothing drifts.
 */
export class FillLedger {
  private readonly used = new Map<string, bigint>();

  take(execution: Execution, quantity: bigint): FillPart {
    const whole = BigInt(execution.quantityMicros);
    const done = this.used.get(execution.id) ?? 0n;
    if (quantity <= 0n || done + quantity > whole) throw new RangeError(`fill ${execution.id}: taking ${quantity} of ${whole - done} left`);
    this.used.set(execution.id, done + quantity);
    const wholeCash = BigInt(execution.priceMicros) * BigInt(execution.multiplierMicros) * whole;
    const wholeFee = BigInt(execution.commissionMicros) + BigInt(execution.exchangeFeeMicros) + BigInt(execution.clearingFeeMicros);
    return {
      // cumulative share of price × multiplier × quantity (micros³) brought back to micros
      cash: shareOf(wholeCash, whole * MICROS_SQUARED, done, quantity),
      fee: shareOf(wholeFee, whole, done, quantity),
    };
  }
}
