import type { CreateSavedPositionBody, JournalPosition, SavedPositionDto } from '@marketswarm/shared/dto';
import { expiryDateOf, journalLegs, savedPositionFromTile, savedPositionRiskLegs, tileLegs, type PositionLeg } from '@marketswarm/shared/models';
import { CONTRACT_MULTIPLIER } from '@marketswarm/shared/pricing';
import type { WhatIfPosition } from './what-if-store';

/** Where a drawn position comes from: the journal's open trades, the page's what-ifs, or the trader's saved positions. */
export type RiskPositionKind = 'open' | 'whatif' | 'saved';

/**
 * One position as the risk graph prices it, whatever its source. Leg quantities are signed
 * (positive long) and scaled to index contracts of CONTRACT_MULTIPLIER, so one pricing path (with
 * the $100 multiplier) serves a 100-multiplier SPX leg and a 50-multiplier /ES option alike.
 */
export interface RiskPosition {
  /** Unique across kinds: `open:<trade id>`, `whatif:<id>`, `saved:<id>`. */
  id: string;
  kind: RiskPositionKind;
  /** The id in its own source (trade id, what-if id, saved position id). */
  sourceId: string;
  symbol: string;
  name: string;
  legs: PositionLeg[];
  /** IV quoted with the position (a what-if tile's), when known. */
  iv?: number;
  /** Legs the graph cannot draw (stock, futures, unknown expiry): the position is drawn without them. */
  skippedLegs: number;
}

export const riskId = (kind: RiskPositionKind, sourceId: string): string => `${kind}:${sourceId}`;

/** One spread's legs of a what-if: the edited (or template) legs, else its tile's (see tileLegs). */
export function whatIfSpreadLegs(p: WhatIfPosition): PositionLeg[] {
  if (p.legs !== undefined) return p.legs.map((l) => ({ ...l }));
  return p.tile === undefined ? [] : tileLegs(p.tile, 1);
}

/** The what-if's legs bought `quantity` times. */
export function fromWhatIf(p: WhatIfPosition, name: string): RiskPosition {
  const legs = Number.isInteger(p.quantity) && p.quantity > 0 ? whatIfSpreadLegs(p).map((l) => ({ ...l, quantity: l.quantity * p.quantity })) : [];
  const iv = p.iv ?? p.tile?.iv;
  return { id: riskId('whatif', p.id), kind: 'whatif', sourceId: p.id, symbol: p.symbol, name, legs, ...(iv === undefined ? {} : { iv }), skippedLegs: 0 };
}

// Moved to the shared library so the copilot's alert engine marks open trades exactly as the risk graph draws them.
export { journalLeg, journalLegs, type JournalStyleLeg } from '@marketswarm/shared/models';

/** An open trade of the journal (positions topic). Its symbol is the underlying the journal grouped it under (SPXW legs → SPX). */
export function fromJournalPosition(p: JournalPosition): RiskPosition {
  const { legs, skippedLegs } = journalLegs(p.legs);
  return { id: riskId('open', p.id), kind: 'open', sourceId: p.id, symbol: normalSymbol(p.symbol), name: `${p.strategy} ×${p.quantity}`, legs, skippedLegs };
}

/** Futures roots are written `/ES` in the journal; the workspace's symbols have no slash. */
export const normalSymbol = (symbol: string): string => symbol.replace(/^\//, '').toUpperCase();

/** Net debit paid for the position in dollars (negative for a credit). */
export function positionCost(p: Pick<RiskPosition, 'legs'>): number {
  return p.legs.reduce((a, l) => a + l.quantity * l.entryPrice, 0) * CONTRACT_MULTIPLIER;
}

/** Distinct strikes, ascending. */
export function strikesOf(p: Pick<RiskPosition, 'legs'>): number[] {
  return [...new Set(p.legs.map((l) => l.strike))].sort((a, b) => a - b);
}

export function fromSavedPosition(p: SavedPositionDto): RiskPosition {
  const legs = savedPositionRiskLegs(p);
  return { id: riskId('saved', p.id), kind: 'saved', sourceId: p.id, symbol: normalSymbol(p.symbol), name: p.name, legs, skippedLegs: p.legs.length - legs.length };
}

/**
 * A what-if as a saved position's body, under the trader's name for it; undefined for a tile without
 * a usable expiry. Edited or template legs are saved as they are, priced at their legs' sum (debit
 * positive), and no longer claim a tile as their source.
 */
export function savedBodyFromWhatIf(p: WhatIfPosition, name: string): CreateSavedPositionBody | undefined {
  if (p.legs !== undefined) {
    if (p.legs.some((l) => !Number.isFinite(l.expiry))) return undefined;
    const legs = p.legs.map((l) => ({ expiry: expiryDateOf(l.expiry), strike: l.strike, right: l.type, ratio: l.quantity }));
    const entryPrice = p.legs.reduce((a, l) => a + l.quantity * l.entryPrice, 0);
    return { name: name.trim(), symbol: p.symbol, legs, quantity: p.quantity, entryPrice: roundPrice(entryPrice) };
  }
  if (p.tile === undefined) return undefined;
  const body = savedPositionFromTile(p.symbol, p.tile, p.quantity);
  return body === undefined ? undefined : { ...body, name: name.trim(), entryPrice: roundPrice(body.entryPrice) };
}

/** Prices go to the journal with at most 6 decimals (its exact micros). */
export const roundPrice = (x: number): number => Math.round(x * 1e6) / 1e6 + 0;
