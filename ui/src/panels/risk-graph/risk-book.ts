import type { JournalPosition, SavedPositionDto } from '@marketswarm/shared/dto';
import { fromJournalPosition, fromSavedPosition, fromWhatIf, type RiskPosition } from '../../risk/risk-position';
import type { WhatIfPosition } from '../../risk/what-if-store';
import { distinctNames } from './distinct-names';

/** The symbol's rows of the risk graph's list, each with the position the graph prices. */
export interface RiskBook {
  open: RiskPosition[];
  saved: { dto: SavedPositionDto; risk: RiskPosition }[];
  whatIfs: { position: WhatIfPosition; risk: RiskPosition }[];
}

export interface RiskBookInput {
  whatIfs: readonly WhatIfPosition[];
  open: readonly JournalPosition[];
  saved: readonly SavedPositionDto[];
  /** A what-if's display name (`SPX butterfly call 5000 ±10, 0DTE`). */
  whatIfName: (p: WhatIfPosition) => string;
}

/**
 * The rows of `symbol`, each group's names made distinct in list order (see distinctNames): two
 * what-ifs of one tile read "… 0DTE" and "… 0DTE #2" in the list, its controls and the chart.
 */
export function riskBook(input: RiskBookInput, symbol: string): RiskBook {
  const open = input.open.map(fromJournalPosition).filter((p) => p.symbol === symbol);
  const openNames = distinctNames(open.map((p) => p.name));
  const saved = input.saved.map((dto) => ({ dto, risk: fromSavedPosition(dto) })).filter((s) => s.risk.symbol === symbol);
  const savedNames = distinctNames(saved.map((s) => s.risk.name));
  const whatIfs = input.whatIfs.filter((p) => p.symbol === symbol);
  const whatIfNames = distinctNames(whatIfs.map(input.whatIfName));
  return {
    open: open.map((p, i) => ({ ...p, name: openNames[i] ?? p.name })),
    saved: saved.map((s, i) => ({ dto: s.dto, risk: { ...s.risk, name: savedNames[i] ?? s.risk.name } })),
    whatIfs: whatIfs.map((position, i) => ({ position, risk: fromWhatIf(position, whatIfNames[i] ?? input.whatIfName(position)) })),
  };
}

/** Every row's position, drawn or hidden, real trades first. */
export const bookPositions = (book: RiskBook): RiskPosition[] => [...book.open, ...book.saved.map((s) => s.risk), ...book.whatIfs.map((w) => w.risk)];

/** What the graph draws: every row with something to price that the trader has not hidden, real trades first. */
export function drawnPositions(book: RiskBook, hidden: ReadonlySet<string>): RiskPosition[] {
  return bookPositions(book).filter((p) => p.legs.length > 0 && !hidden.has(p.id));
}

export const bookSize = (book: RiskBook): number => book.open.length + book.saved.length + book.whatIfs.length;
