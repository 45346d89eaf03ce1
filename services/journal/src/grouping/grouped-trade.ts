import { classifyStructure, type TradeSide } from '@marketswarm/shared/journal';
import type { NewTrade, NewTradeLeg } from '../trades/trades.repository.js';
import { definedRisk } from './defined-risk.js';
import { gcd, toMicros } from './exact-share.js';
import type { LegBook, TradeBook } from './trade-book.js';

export interface GroupedTrade extends NewTrade {
  /** Stable identity across regroupings: the id of the execution that opened the trade. Executions are immutable, so importing more fills later regroups to the same key. */
  key: string;
}

/**
 * The stored shape of a booked trade.
 * - gross: realised P&L, Σ sells − Σ buys × multiplier once flat; while open, what the closed part
 *   realised against its cost (FIFO or average), so an open trade shows no premium as a loss.
 * - fees: every fee of every fill part the trade used (opening parts included while open).
 * - quantity: in units of the structure — the greatest common divisor of the legs' opened
 *   quantities, so two 1-2-1 flies are 2 and three calls are 3.
 * - side: a single instrument's opening side; a spread's by its opening cash, long for a debit (or
 *   even money), short for a credit.
 * - legs: ordered by kind, expiry, right, strike, symbol, side; prices are averages rounded to the
 *   micro, while money is always summed from the fill parts, never from the averages.
 */
export function toGroupedTrade(book: TradeBook): GroupedTrade {
  const legs = [...book.legs].sort(legOrder);
  const stored = legs.map(toLeg);
  const strategy = classifyStructure(stored);
  const netOpenCredit = legs.reduce((sum, l) => sum + (l.side === 'sell' ? l.openedCash : -l.openedCash), 0n);
  const gross = legs.reduce((sum, l) => sum + l.realized, 0n);
  const risk = definedRisk(
    legs.map((l) => ({ ...l.instrument, side: l.side, quantity: l.openedQuantity })),
    netOpenCredit,
    strategy,
  );
  return {
    key: book.key,
    symbol: book.symbol,
    strategy,
    side: sideOf(legs, netOpenCredit),
    quantityMicros: toMicros(legs.reduce((g, l) => gcd(g, l.openedQuantity), 0n)),
    openedAt: book.openedAt,
    closedAt: book.closedAt,
    status: book.closedAt === null ? 'open' : 'closed',
    grossMicros: toMicros(gross),
    feesMicros: toMicros(book.fees),
    netMicros: toMicros(gross - book.fees),
    riskMicros: risk === null ? null : toMicros(risk),
    notes: '',
    marketAtEntry: null,
    legs: stored,
  };
}

function sideOf(legs: readonly LegBook[], netOpenCredit: bigint): TradeSide {
  const instruments = new Set(legs.map((l) => l.instrument.key));
  if (instruments.size === 1) return legs[0]?.side === 'sell' ? 'short' : 'long';
  return netOpenCredit > 0n ? 'short' : 'long';
}

function toLeg(leg: LegBook): NewTradeLeg {
  const close = leg.averageClosePrice();
  const { instrumentKind, symbol, expiry, strikeMicros, optionRight, multiplierMicros } = leg.instrument;
  return {
    instrumentKind,
    symbol,
    expiry,
    strikeMicros,
    optionRight,
    side: leg.side,
    quantityMicros: toMicros(leg.openedQuantity),
    openPriceMicros: toMicros(leg.averageOpenPrice()),
    closePriceMicros: close === null ? null : toMicros(close),
    multiplierMicros,
    fills: [...leg.fills].map(([executionId, quantity]) => ({ executionId, quantityMicros: toMicros(quantity) })),
  };
}

function legOrder(a: LegBook, b: LegBook): number {
  const [x, y] = [a.instrument, b.instrument];
  return (
    text(x.instrumentKind, y.instrumentKind) ||
    text(x.expiry ?? '', y.expiry ?? '') ||
    text(x.optionRight ?? '', y.optionRight ?? '') ||
    (x.strikeMicros ?? 0) - (y.strikeMicros ?? 0) ||
    text(x.symbol, y.symbol) ||
    text(a.side, b.side)
  );
}

function text(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
