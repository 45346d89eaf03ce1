import type { AdiLeg, AdiPosition, AdiUser, JournalPosition, SavedPositionDto } from '@marketswarm/shared/dto';
import { markOpenTrade, markSavedPosition, underlyingOf, type OptionMids } from '@marketswarm/shared/models';
import type { UserBook } from '../book/user-book.reader.js';
import { PRICE_PLACES, round, roundOrNull } from './adi-numbers.js';

export interface UserSectionMarket {
  /** The underlying the heatmap describes: only its options can be marked. */
  underlying: string;
  mids: OptionMids;
  spot: number | null;
}

const dollars = (amount: number | null | undefined): number | null => roundOrNull(amount, 2);

/** No mids: a position on another underlying than the heatmap's is left unmarked. */
const NO_MIDS: OptionMids = new Map();

/**
 * An open trade: its legs at what is still open, the dollars paid for them and what they are worth
 * at the heatmap's mids (`markOpenTrade`: every option leg from the trade's underlying, whatever the
 * leg's own symbol; a share at spot), when the trade is on the heatmap's underlying.
 */
export function openPosition(position: JournalPosition, market: UserSectionMarket): AdiPosition {
  const ours = underlyingOf(position.symbol) === market.underlying;
  const { marks, cost, value, pnl } = markOpenTrade(position.legs, ours ? market.mids : NO_MIDS, ours ? (market.spot ?? undefined) : undefined);
  const legs = position.legs.map((leg, i): AdiLeg => ({
    expiry: leg.expiry,
    strike: leg.strike,
    right: leg.right === 'C' ? 'call' : leg.right === 'P' ? 'put' : null,
    quantity: leg.side === 'buy' ? leg.quantity : -leg.quantity,
    entry: round(leg.openPrice, PRICE_PLACES),
    mark: roundOrNull(marks[i], PRICE_PLACES),
  }));
  return {
    id: position.id,
    kind: 'open',
    name: `${position.strategy} ${position.symbol}`,
    symbol: position.symbol,
    quantity: position.quantity,
    legs,
    cost: dollars(cost),
    value: dollars(value),
    pnl: legs.length === 0 ? null : dollars(pnl),
  };
}

/** A saved what-if: `quantity` spreads bought at `entryPrice` each, valued at the heatmap's mids. */
export function savedPosition(position: SavedPositionDto, market: UserSectionMarket): AdiPosition {
  const ours = underlyingOf(position.symbol) === market.underlying;
  const { marks, cost, value, pnl } = markSavedPosition(position, ours ? market.mids : NO_MIDS);
  const legs = position.legs.map((leg, i): AdiLeg => ({
    expiry: leg.expiry,
    strike: leg.strike,
    right: leg.right,
    quantity: leg.ratio,
    entry: null,
    mark: roundOrNull(marks[i], PRICE_PLACES),
  }));
  return {
    id: position.id,
    kind: 'saved',
    name: position.name,
    symbol: position.symbol,
    quantity: position.quantity,
    legs,
    cost: dollars(cost),
    value: dollars(value),
    pnl: dollars(pnl),
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
