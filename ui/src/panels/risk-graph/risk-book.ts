import type { JournalPosition, SavedPositionDto } from '@marketswarm/shared/dto';
import { fromJournalPosition, fromSavedPosition, fromWhatIf, type RiskPosition } from '../../risk/risk-position';
import type { WhatIfPosition } from '../../risk/what-if-store';

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

export function riskBook(input: RiskBookInput, symbol: string): RiskBook {
  return {
    open: input.open.map(fromJournalPosition).filter((p) => p.symbol === symbol),
    saved: input.saved.map((dto) => ({ dto, risk: fromSavedPosition(dto) })).filter((s) => s.risk.symbol === symbol),
    whatIfs: input.whatIfs.filter((p) => p.symbol === symbol).map((position) => ({ position, risk: fromWhatIf(position, input.whatIfName(position)) })),
  };
}

/** What the graph draws: every row with something to price that the trader has not hidden, real trades first. */
export function drawnPositions(book: RiskBook, hidden: ReadonlySet<string>): RiskPosition[] {
  return [...book.open, ...book.saved.map((s) => s.risk), ...book.whatIfs.map((w) => w.risk)].filter((p) => p.legs.length > 0 && !hidden.has(p.id));
}

export const bookSize = (book: RiskBook): number => book.open.length + book.saved.length + book.whatIfs.length;
