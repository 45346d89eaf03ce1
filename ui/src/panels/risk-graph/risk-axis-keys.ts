import type { PositionLeg } from '@marketswarm/shared/models';

type Shaped = { legs: readonly Pick<PositionLeg, 'type' | 'strike' | 'expiry'>[] };

/** The options the positions hold — type, strike, expiry — once each, in a fixed order; quantities and prices left out. */
function optionsOf(positions: readonly Shaped[]): string {
  const options = new Set(positions.flatMap((p) => p.legs.map((l) => `${l.type === 'call' ? 'C' : 'P'}${l.strike}@${l.expiry}`)));
  return [...options].sort().join(',');
}

export interface RiskAxisKeys {
  /** The auto-fit is computed again when this changes: the symbol, the drawn options, whether live spot is known. */
  fit: string;
  /** The trader's zoom and pan hold until this changes: the symbol and the options of the whole book, drawn or hidden. */
  hold: string;
}

/**
 * When the risk graph's axis moves on its own. A quantity change or a switch of a position on or off
 * keeps the trader's zoom (its options are still in the book, only their weight or visibility moved);
 * a new option in the book — a what-if added, a leg edited to another strike or expiry — or another
 * symbol drops it. With no zoom, the fit follows what is drawn, so a position switched on comes into view.
 */
export function riskAxisKeys(symbol: string, book: readonly Shaped[], drawn: readonly Shaped[], liveSpotKnown: boolean): RiskAxisKeys {
  return { fit: `${symbol}|${optionsOf(drawn)}|${liveSpotKnown ? 'live' : 'fallback'}`, hold: `${symbol}|${optionsOf(book)}` };
}
