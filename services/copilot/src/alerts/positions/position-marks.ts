import type { JournalPosition, SavedPositionDto } from '@marketswarm/shared/dto';
import {
  expiryDateOf,
  journalLegs,
  markOpenTrade,
  markSavedPosition,
  openLegOption,
  positionGreeks,
  savedPositionRiskLegs,
  underlyingOf,
  type OptionMids,
  type OptionRef,
  type PositionLeg,
} from '@marketswarm/shared/models';
import { DIVIDEND_YIELD, RISK_FREE_RATE } from '@marketswarm/shared/pricing';
import type { UserBook } from '../../book/user-book.reader.js';
import type { PositionAlert } from '../alert-book.js';

/** The position an alert watches, found in its owner's book. */
export type WatchedPosition = { kind: 'saved'; position: SavedPositionDto } | { kind: 'open'; position: JournalPosition };

/** What marking a position needs of the market: its underlying's heatmap and spot. */
export interface MarkMarket {
  mids(symbol: string): OptionMids;
  iv(symbol: string, ref: OptionRef): number | undefined;
  spot(symbol: string): number | undefined;
  /** Valuation instant (the heatmap event's time), for the greeks' time to expiry. */
  now: number;
}

/** A saved position by `positionId`, an open trade by `tradeId`; undefined when the book no longer holds it. */
export function watchedPosition(alert: PositionAlert, book: UserBook): WatchedPosition | undefined {
  const positionId: string | null = alert.positionId;
  if (positionId !== null) {
    const saved = book.savedPositions.find((p) => p.id === positionId);
    return saved && { kind: 'saved', position: saved };
  }
  if (alert.kind === 'spread-debit' || alert.tradeId === null) return undefined;
  const open = book.openTrades.find((p) => p.id === alert.tradeId);
  return open && { kind: 'open', position: open };
}

/** The heatmap the position is marked from, and the options its legs hold (what a diff must touch to move its mark). */
export function positionOptions(watched: WatchedPosition): { symbol: string; options: OptionRef[] } {
  const symbol = underlyingOf(watched.position.symbol);
  if (watched.kind === 'saved') return { symbol, options: watched.position.legs.map(({ expiry, strike, right }) => ({ expiry, strike, right })) };
  return { symbol, options: watched.position.legs.flatMap((leg) => openLegOption(leg) ?? []) };
}

/** One spread's price at the mids (Σ ratio × mid, points per unit: positive a debit); undefined when a leg has no mid. */
export function spreadDebit(saved: SavedPositionDto, mids: OptionMids): number | undefined {
  const { debit } = markSavedPosition(saved, mids);
  return debit === undefined ? undefined : round(debit, 6);
}

/**
 * P&L in dollars as the journal counts it (`markSavedPosition`, `markOpenTrade`): a saved position's
 * spreads at 100 a point from its entry price, an open trade's legs at their own open price and
 * multiplier, every option leg from the trade's underlying's heatmap. Undefined when a leg has no
 * mid, or is not an option: shares have no mid in the heatmap, so a trade holding them is not marked here.
 */
export function positionPnl(watched: WatchedPosition, market: MarkMarket): number | undefined {
  const mids = market.mids(underlyingOf(watched.position.symbol));
  const { pnl } = watched.kind === 'saved' ? markSavedPosition(watched.position, mids) : markOpenTrade(watched.position.legs, mids);
  return pnl === undefined ? undefined : round(pnl, 2);
}

/**
 * One greek of the position (`positionGreeks`: Σ contracts × the option's greek, in $100-contracts
 * of the underlying), each leg at its tile's IV and the underlying's last spot. Undefined without a
 * spot or when a leg's option has no IV in the heatmap.
 */
export function positionGreek(watched: WatchedPosition, greek: 'delta' | 'gamma' | 'theta' | 'vega', market: MarkMarket): number | undefined {
  const symbol = underlyingOf(watched.position.symbol);
  const spot = market.spot(symbol);
  if (spot === undefined) return undefined;
  const legs: PositionLeg[] = watched.kind === 'saved' ? savedPositionRiskLegs(watched.position) : journalLegs(watched.position.legs).legs;
  if (legs.length === 0) return undefined;
  const vols = new Map<PositionLeg, number>();
  for (const leg of legs) {
    const iv = market.iv(symbol, { expiry: expiryDateOf(leg.expiry), right: leg.type, strike: leg.strike });
    if (iv === undefined) return undefined;
    vols.set(leg, iv);
  }
  const greeks = positionGreeks(legs, spot, { now: market.now, rate: RISK_FREE_RATE, dividendYield: DIVIDEND_YIELD, vol: (leg) => vols.get(leg) ?? 0 });
  return round(greeks[greek], 6);
}

/** The number an alert compares with its target or threshold; undefined when it cannot be marked now. */
export function markOf(alert: PositionAlert, watched: WatchedPosition, market: MarkMarket): number | undefined {
  switch (alert.kind) {
    case 'spread-debit':
      return watched.kind === 'saved' ? spreadDebit(watched.position, market.mids(underlyingOf(watched.position.symbol))) : undefined;
    case 'position-pnl':
      return positionPnl(watched, market);
    case 'greeks':
      return positionGreek(watched, alert.greek, market);
  }
}

function round(x: number, places: number): number {
  const f = 10 ** places;
  return Math.round(x * f) / f + 0;
}
