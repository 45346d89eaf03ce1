import type { AdiLeg, AdiPosition, AdiUser, JournalPosition, SavedPositionDto } from '@marketswarm/shared/dto';
import { legMid, underlyingOf, type OptionMids } from '@marketswarm/shared/models';
import { CONTRACT_MULTIPLIER } from '@marketswarm/shared/pricing';
import type { UserBook } from '../book/user-book.reader.js';
import { PRICE_PLACES, round, roundOrNull } from './adi-numbers.js';

export interface UserSectionMarket {
  /** The underlying the heatmap describes: only its options can be marked. */
  underlying: string;
  mids: OptionMids;
  spot: number | null;
}

const dollars = (points: number | null): number | null => roundOrNull(points, 2);

function openLeg(leg: JournalPosition['legs'][number], market: UserSectionMarket): { adi: AdiLeg; multiplier: number } {
  const signed = leg.side === 'buy' ? leg.quantity : -leg.quantity;
  const right = leg.right === 'C' ? 'call' : leg.right === 'P' ? 'put' : null;
  const ours = underlyingOf(leg.symbol) === market.underlying;
  let mark: number | undefined;
  if (ours && leg.kind === 'option' && right !== null && leg.expiry !== null && leg.strike !== null) mark = legMid(market.mids, { expiry: leg.expiry, strike: leg.strike, right });
  // A share of the underlying is worth spot; futures and their options have no live price here.
  else if (ours && leg.kind === 'stock') mark = market.spot ?? undefined;
  return {
    adi: { expiry: leg.expiry, strike: leg.strike, right, quantity: signed, entry: round(leg.openPrice, PRICE_PLACES), mark: roundOrNull(mark, PRICE_PLACES) },
    multiplier: leg.multiplier,
  };
}

/** An open trade: its legs at what is still open, the dollars paid for them and what they are worth at the heatmap's mids. */
export function openPosition(position: JournalPosition, market: UserSectionMarket): AdiPosition {
  const legs = position.legs.map((leg) => openLeg(leg, market));
  const cost = legs.reduce((sum, { adi, multiplier }) => sum + adi.quantity * (adi.entry ?? 0) * multiplier, 0);
  const marked = legs.every(({ adi }) => adi.mark !== null);
  const value = marked ? legs.reduce((sum, { adi, multiplier }) => sum + adi.quantity * (adi.mark ?? 0) * multiplier, 0) : null;
  return {
    id: position.id,
    kind: 'open',
    name: `${position.strategy} ${position.symbol}`,
    symbol: position.symbol,
    quantity: position.quantity,
    legs: legs.map(({ adi }) => adi),
    cost: dollars(cost),
    value: dollars(value),
    pnl: value === null || legs.length === 0 ? null : dollars(value - cost),
  };
}

/** A saved what-if: `quantity` spreads bought at `entryPrice` each, valued at the heatmap's mids. */
export function savedPosition(position: SavedPositionDto, market: UserSectionMarket): AdiPosition {
  const ours = underlyingOf(position.symbol) === market.underlying;
  const legs: AdiLeg[] = position.legs.map((leg) => ({
    expiry: leg.expiry,
    strike: leg.strike,
    right: leg.right,
    quantity: leg.ratio,
    entry: null,
    mark: ours ? roundOrNull(legMid(market.mids, leg), PRICE_PLACES) : null,
  }));
  const perSpread = position.quantity * CONTRACT_MULTIPLIER;
  const cost = position.entryPrice * perSpread;
  const value = legs.every((leg) => leg.mark !== null) ? legs.reduce((sum, leg) => sum + leg.quantity * (leg.mark ?? 0), 0) * perSpread : null;
  return {
    id: position.id,
    kind: 'saved',
    name: position.name,
    symbol: position.symbol,
    quantity: position.quantity,
    legs,
    cost: dollars(cost),
    value: dollars(value),
    pnl: value === null ? null : dollars(value - cost),
  };
}

/** The user's book as ADI carries it; open P&L is null when any open position cannot be marked. */
export function userSection(book: UserBook, market: UserSectionMarket): AdiUser {
  const openPositions = book.openTrades.map((position) => openPosition(position, market));
  const savedPositions = book.savedPositions.map((position) => savedPosition(position, market));
  const pnls = openPositions.map((p) => p.pnl);
  return {
    openPositions,
    savedPositions,
    openPnl: pnls.every((pnl) => pnl !== null) ? dollars(pnls.reduce<number>((sum, pnl) => sum + (pnl ?? 0), 0)) : null,
  };
}
