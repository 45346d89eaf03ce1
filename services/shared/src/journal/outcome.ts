export type Outcome = 'win' | 'loss' | 'breakeven';

/** Net P&L within ±tolerance is break-even, so a scratch trade that paid its fees is not a "loss". */
export function outcomeOf(netMinor: number, breakevenToleranceMinor: number): Outcome {
  if (netMinor > breakevenToleranceMinor) return 'win';
  if (netMinor < -breakevenToleranceMinor) return 'loss';
  return 'breakeven';
}
