import type { TradeDto } from '@marketswarm/shared/dto';
import { outcomeOf } from './journal-filters';

export interface TradeTotals {
  count: number;
  /** Σ net of every trade shown (open trades count what they realised so far). */
  net: number;
  closed: number;
  wins: number;
  losses: number;
  /** wins / closed trades shown, as analytics count it (break-even against); null with none closed. */
  winRate: number | null;
}

const MICROS = 1_000_000;

/**
 * Totals of the trades shown. Money is summed in integer micro-dollars, as the journal does: 10,000
 * float additions of cents would drift by fractions of a cent.
 */
export function tradeTotals(trades: readonly Pick<TradeDto, 'status' | 'net'>[], breakevenTolerance: number): TradeTotals {
  let netMicros = 0;
  let closed = 0;
  let wins = 0;
  let losses = 0;
  for (const trade of trades) {
    netMicros += Math.round(trade.net * MICROS);
    const outcome = outcomeOf(trade, breakevenTolerance);
    if (outcome === 'open') continue;
    closed++;
    if (outcome === 'win') wins++;
    if (outcome === 'loss') losses++;
  }
  return { count: trades.length, net: netMicros / MICROS, closed, wins, losses, winRate: closed === 0 ? null : wins / closed };
}
