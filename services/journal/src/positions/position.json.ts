import type { SavedPositionDto } from '@marketswarm/shared/dto';
import { microsToNumber } from '../database/money.js';
import type { SavedPosition } from './positions.repository.js';

/** A saved position as JSON (REST and the `risk-graph` topic): strikes and price as decimal numbers. */
export function savedPositionJson(position: SavedPosition): SavedPositionDto {
  return {
    id: position.id,
    name: position.name,
    symbol: position.symbol,
    legs: position.legs.map((leg) => ({ expiry: leg.expiry, strike: microsToNumber(leg.strikeMicros), right: leg.right, ratio: leg.ratio })),
    quantity: position.quantity,
    entryPrice: microsToNumber(position.entryPriceMicros),
    ...(position.source && { source: position.source }),
    createdAt: position.createdAt,
    updatedAt: position.updatedAt,
  };
}
