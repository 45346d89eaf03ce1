import type { JournalPosition, SavedPositionDto } from '@marketswarm/shared/dto';
import { journalLegs, riskGraph, savedPositionRiskLegs, type PositionLeg } from '@marketswarm/shared/models';
import type { BreakevenPosition } from './commentary-rules.js';

/** Journal roots are written `/ES`; market symbols have no slash. */
const normalSymbol = (symbol: string): string => symbol.replace(/^\//, '').toUpperCase();

/**
 * Expiration breakevens of one set of legs. The payoff at expiry is linear between strikes, so
 * sampling it at the strikes and at two far points finds every zero exactly (zeroCrossings
 * interpolates linearly). A position whose legs expire on different days has no single expiry
 * payoff (a calendar's breakevens depend on volatility), so it gets none rather than wrong ones.
 */
export function expiryBreakevens(legs: readonly PositionLeg[]): number[] {
  if (legs.length === 0 || new Set(legs.map((l) => l.expiry)).size > 1) return [];
  const strikes = [...new Set(legs.map((l) => l.strike))].sort((a, b) => a - b);
  const low = strikes[0] ?? 0;
  const high = strikes[strikes.length - 1] ?? 0;
  const spots = [low / 2, ...strikes, high * 1.5];
  return riskGraph(legs, { spots }).breakevens;
}

/** The user's open trades and saved positions with their breakevens; those without one are left out. */
export function bookBreakevens(book: { openTrades: readonly JournalPosition[]; savedPositions: readonly SavedPositionDto[] }): BreakevenPosition[] {
  const out: BreakevenPosition[] = [];
  for (const trade of book.openTrades) {
    // Legs as the SPA's risk graph prices them (`journalLegs`: a /ES option and an SPX option on one $100 scale).
    const { legs, skippedLegs } = journalLegs(trade.legs);
    // A trade with a leg the graph cannot price (stock, a future) has a payoff the breakevens would misstate.
    if (skippedLegs > 0) continue;
    const breakevens = expiryBreakevens(legs);
    if (breakevens.length > 0) out.push({ id: `open:${trade.id}`, name: `Your ${normalSymbol(trade.symbol)} ${trade.strategy} ×${trade.quantity}`, symbol: normalSymbol(trade.symbol), breakevens });
  }
  for (const saved of book.savedPositions) {
    const breakevens = expiryBreakevens(savedPositionRiskLegs(saved));
    if (breakevens.length > 0) out.push({ id: `saved:${saved.id}`, name: `Saved ${saved.name}`, symbol: normalSymbol(saved.symbol), breakevens });
  }
  return out;
}
