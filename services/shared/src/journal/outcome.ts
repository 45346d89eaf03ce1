export type Outcome = 'win' | 'loss' | 'breakeven';

/** Net P&L within ±tolerance is break-even, so a scratch trade that paid its fees is not a "loss". */
export function outcomeOf(netMinor: number, breakevenToleranceMinor: number): Outcome {
  if (netMinor > breakevenToleranceMinor) return 'win';
  if (netMinor < -breakevenToleranceMinor) return 'loss';
  return 'breakeven';
}

/**
 * The counts and sums the summary and every breakdown bucket share. Money fields are integer
 * micro-dollars; `*Rate` fields are fractions.
 */
export interface OutcomeTotals {
  trades: number;
  wins: number;
  losses: number;
  breakeven: number;
  /** wins / all trades (break-even trades count against it). */
  winRate: number | null;
  /** wins / (wins + losses), break-even trades left out. */
  winRateExBreakeven: number | null;
  grossPnl: number;
  fees: number;
  netPnl: number;
}
