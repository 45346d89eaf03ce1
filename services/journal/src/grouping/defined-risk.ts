import type { TradeStrategy } from '@marketswarm/shared/journal';
import type { ExecutionSide, InstrumentKind, OptionRight } from '../database/journal-db.js';
import { MICROS_SQUARED, divRound } from './exact-share.js';

/** A leg as the risk reads it: everything it opened, whatever has closed since. */
export interface RiskLeg {
  instrumentKind: InstrumentKind;
  optionRight: OptionRight | null;
  strikeMicros: number | null;
  expiry: string | null;
  side: ExecutionSide;
  quantity: bigint;
  multiplierMicros: number;
}

/**
 * Defined risk, in micros: the most the opened structure can lose, or null when it is unbounded
 * or unknown — R needs a real loss to divide by.
 *
 * - Options of one expiry (singles, verticals, flies, condors, straddles…): the payoff at expiry is
 *   piecewise linear between strikes, so its minimum is at 0, at a strike, or beyond the top strike.
 *   Premium counts: payoff(S) = net credit + Σ ±quantity × multiplier × intrinsic(S). A structure
 *   that loses without end above the top strike (net short calls) is unbounded; one that loses all
 *   the way down to 0 (net short puts: a naked put, a put ratio) is called undefined risk by
 *   traders too and is null, though finite. A long single's risk is its premium, a credit
 *   vertical's the width less the credit.
 * - Calendars and diagonals bought for a debit: the debit, plus for a diagonal whose short strike is
 *   further in the money than its long one the difference of the strikes (the back month's time
 *   value left at the front expiry is ignored, which only overstates the loss). A credit one: null.
 * - Stock, futures, anything else spanning expiries or instruments: null.
 *
 * The structure is everything the trade opened (scale-ins included); for a rolled trade that sums
 * the old and the new legs — the trader can edit the figure.
 */
export function definedRisk(legs: readonly RiskLeg[], netOpenCredit: bigint, strategy: TradeStrategy): bigint | null {
  if (legs.length === 0 || !legs.every((l) => l.instrumentKind === 'option' || l.instrumentKind === 'future_option')) return null;
  if (!legs.every((l) => l.optionRight !== null && l.strikeMicros !== null && l.expiry !== null)) return null;
  const expiries = new Set(legs.map((l) => l.expiry));
  const loss = expiries.size === 1 ? sameExpiryMaxLoss(legs, netOpenCredit) : strategy === 'calendar' || strategy === 'diagonal' ? calendarMaxLoss(legs, netOpenCredit) : null;
  return loss !== null && loss > 0n ? loss : null;
}

function signed(leg: RiskLeg): bigint {
  return leg.side === 'buy' ? leg.quantity : -leg.quantity;
}

function sameExpiryMaxLoss(legs: readonly RiskLeg[], netOpenCredit: bigint): bigint | null {
  // Slopes in quantity × multiplier (micros²) per unit of underlying.
  let slopeAboveTop = 0n;
  let slopeBelowBottom = 0n;
  for (const leg of legs) {
    if (leg.optionRight === 'C') slopeAboveTop += signed(leg) * BigInt(leg.multiplierMicros);
    else slopeBelowBottom -= signed(leg) * BigInt(leg.multiplierMicros);
  }
  if (slopeAboveTop < 0n || slopeBelowBottom > 0n) return null;
  const points = [0n, ...new Set(legs.map((l) => BigInt(l.strikeMicros as number)))];
  let worst: bigint | null = null;
  for (const s of points) {
    let exposure = 0n; // micros³: quantity × multiplier × intrinsic
    for (const leg of legs) {
      const strike = BigInt(leg.strikeMicros as number);
      const intrinsic = leg.optionRight === 'C' ? (s > strike ? s - strike : 0n) : strike > s ? strike - s : 0n;
      exposure += signed(leg) * BigInt(leg.multiplierMicros) * intrinsic;
    }
    const payoff = netOpenCredit + divRound(exposure, MICROS_SQUARED);
    if (worst === null || payoff < worst) worst = payoff;
  }
  return worst === null ? null : -worst;
}

function calendarMaxLoss(legs: readonly RiskLeg[], netOpenCredit: bigint): bigint | null {
  if (netOpenCredit >= 0n) return null;
  const long = legs.find((l) => l.side === 'buy');
  const short = legs.find((l) => l.side === 'sell');
  if (!long || !short || legs.length !== 2) return null;
  const [longStrike, shortStrike] = [BigInt(long.strikeMicros as number), BigInt(short.strikeMicros as number)];
  // The short leg is deeper in the money than the long one: a call sold below, a put sold above.
  const inverted = long.optionRight === 'C' ? longStrike - shortStrike : shortStrike - longStrike;
  const extra = inverted > 0n ? divRound(inverted * short.quantity * BigInt(short.multiplierMicros), MICROS_SQUARED) : 0n;
  return -netOpenCredit + extra;
}
