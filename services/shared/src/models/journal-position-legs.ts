import type { JournalPositionLeg } from '../dto/journal-position.schema.js';
import { CONTRACT_MULTIPLIER } from '../pricing/market-constants.js';
import { type PositionLeg } from './risk-graph.js';
import { expiryCloseOf } from './session-close.js';

/** A leg as the journal writes it (positions topic, saved positions), priced by the risk graph when it is an option with a date. */
export type JournalStyleLeg = Pick<JournalPositionLeg, 'kind' | 'expiry' | 'strike' | 'right' | 'side' | 'quantity' | 'openPrice' | 'multiplier'>;

/**
 * One journal leg as a graph leg, or undefined when it is not an option the graph can price. Its
 * quantity is signed (positive long) and scaled to contracts of CONTRACT_MULTIPLIER, so one pricing
 * path (with the $100 multiplier) serves a 100-multiplier SPX leg and a 50-multiplier /ES option alike.
 */
export function journalLeg(leg: JournalStyleLeg): PositionLeg | undefined {
  if (leg.kind !== 'option' && leg.kind !== 'future_option') return undefined;
  if (leg.strike === null || leg.right === null || leg.expiry === null) return undefined;
  const expiry = expiryCloseOf(leg.expiry);
  if (expiry === undefined || !(leg.quantity > 0) || !(leg.multiplier > 0)) return undefined;
  const contracts = (leg.quantity * leg.multiplier) / CONTRACT_MULTIPLIER;
  return {
    type: leg.right === 'C' ? 'call' : 'put',
    strike: leg.strike,
    expiry,
    quantity: leg.side === 'buy' ? contracts : -contracts,
    entryPrice: Math.max(0, leg.openPrice),
  };
}

/** Splits journal legs into priced legs and a count of the skipped ones. */
export function journalLegs(legs: readonly JournalStyleLeg[]): { legs: PositionLeg[]; skippedLegs: number } {
  const priced: PositionLeg[] = [];
  for (const leg of legs) {
    const p = journalLeg(leg);
    if (p !== undefined) priced.push(p);
  }
  return { legs: priced, skippedLegs: legs.length - priced.length };
}
