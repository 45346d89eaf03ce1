import type { SavedPositionLeg } from '../dto/journal-saved-position.schema.js';
import { CONTRACT_MULTIPLIER } from '../pricing/market-constants.js';
import { type JournalStyleLeg } from './journal-position-legs.js';
import { legMid, type OptionMids, type OptionRef } from './option-mids.js';

/**
 * Marking a position from live option mids, once for every reader of the users' books (ADI, the
 * position alerts). The mids are those of the position's underlying's heatmap (`underlyingOf` of the
 * position's symbol): the journal groups a trade under one underlying, so each option leg is looked
 * up there whatever its own symbol says (`SPX   300102C05000000` from an order fill, SPXW, SPX).
 * Figures are unrounded: each reader rounds to what it shows.
 */

/** An open trade's leg as the option a heatmap prices; undefined for shares, futures, futures options and a leg missing its date, strike or right. */
export function openLegOption(leg: Pick<JournalStyleLeg, 'kind' | 'expiry' | 'strike' | 'right'>): OptionRef | undefined {
  if (leg.kind !== 'option' || leg.expiry === null || leg.strike === null || leg.right === null) return undefined;
  return { expiry: leg.expiry, strike: leg.strike, right: leg.right === 'C' ? 'call' : 'put' };
}

/**
 * A leg's mark, points per unit: an option's mid, a share at `spot` when one is given (the heatmap
 * alone has no price for it); futures and their options have no live price here.
 */
export function openLegMark(leg: JournalStyleLeg, mids: OptionMids, spot?: number): number | undefined {
  if (leg.kind === 'stock') return spot;
  const option = openLegOption(leg);
  return option && legMid(mids, option);
}

export interface OpenTradeMarks {
  /** Each leg's mark, in the trade's order; undefined where it has none. */
  marks: (number | undefined)[];
  /** Dollars paid for what is still open: Σ ±quantity × open price × multiplier (a credit is negative). */
  cost: number;
  /** Dollars the legs are worth at their marks; undefined while a leg has no mark. */
  value: number | undefined;
  /** value − cost, Σ ±quantity × (mark − open price) × multiplier, as the journal counts it. */
  pnl: number | undefined;
}

/** An open trade's legs at the mids, each at its own open price and multiplier (bought +, sold −). */
export function markOpenTrade(legs: readonly JournalStyleLeg[], mids: OptionMids, spot?: number): OpenTradeMarks {
  const marks = legs.map((leg) => openLegMark(leg, mids, spot));
  const signed = (leg: JournalStyleLeg, price: number) => (leg.side === 'buy' ? 1 : -1) * leg.quantity * price * leg.multiplier;
  const cost = legs.reduce((sum, leg) => sum + signed(leg, leg.openPrice), 0);
  const value = sumMarked(legs, marks, signed);
  return { marks, cost, value, pnl: value === undefined ? undefined : value - cost };
}

export interface SavedPositionMarks {
  /** Each leg's mid, in the position's order; undefined where the heatmap has none. */
  marks: (number | undefined)[];
  /** One spread's price at the mids, Σ ratio × mid in points (positive a debit); undefined while a leg has no mid. */
  debit: number | undefined;
  /** Dollars paid: entry price × quantity × CONTRACT_MULTIPLIER. */
  cost: number;
  /** Dollars the spreads are worth: debit × quantity × CONTRACT_MULTIPLIER. */
  value: number | undefined;
  /** value − cost. */
  pnl: number | undefined;
}

/** A saved what-if at the mids: `quantity` spreads bought at `entryPrice` each, 100 dollars a point. */
export function markSavedPosition(position: { legs: readonly SavedPositionLeg[]; quantity: number; entryPrice: number }, mids: OptionMids): SavedPositionMarks {
  const marks = position.legs.map((leg) => legMid(mids, leg));
  const debit = sumMarked(position.legs, marks, (leg, mark) => leg.ratio * mark);
  const perSpread = position.quantity * CONTRACT_MULTIPLIER;
  const cost = position.entryPrice * perSpread;
  const value = debit === undefined ? undefined : debit * perSpread;
  return { marks, debit, cost, value, pnl: value === undefined ? undefined : value - cost };
}

/** Σ term(item, its mark); undefined as soon as one item has no mark. */
function sumMarked<T>(items: readonly T[], marks: readonly (number | undefined)[], term: (item: T, mark: number) => number): number | undefined {
  let sum = 0;
  for (const [i, item] of items.entries()) {
    const mark = marks[i];
    if (mark === undefined) return undefined;
    sum += term(item, mark);
  }
  return sum;
}
