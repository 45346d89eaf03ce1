import { addMicros } from '../database/money.js';
import { ratioOrNull, summarize, type AnalyticsConventions, type ClosedTrade } from '@marketswarm/shared/journal';
import type { PlaybookEntryKind, PlaybookEntryStatus } from '@marketswarm/shared/dto';

/** What the stats read of an entry. */
export interface StatsEntry {
  id: string;
  title: string;
  kind: PlaybookEntryKind;
  status: PlaybookEntryStatus;
}

export interface StatsCheck {
  tradeId: string;
  entryId: string;
  followed: boolean;
}

export interface StatsMissed {
  entryId: string;
  estimatedPnlMinor: number | null;
}

/** One side of an entry (the trades that followed it, or broke it), money in integer micros. */
export interface OutcomeFigures {
  trades: number;
  wins: number;
  losses: number;
  netPnlMinor: number;
  /** wins / trades; null without trades. */
  winRate: number | null;
  /** Σ net of winners / |Σ net of losers|; null without losers. */
  profitFactor: number | null;
}

export interface EntryStats {
  entryId: string;
  title: string;
  kind: PlaybookEntryKind;
  status: PlaybookEntryStatus;
  /** Closed trades (of the selection) with a check-off for the entry. */
  checked: number;
  /** followed.trades / checked; null when nothing was checked. */
  followRate: number | null;
  followed: OutcomeFigures;
  broken: OutcomeFigures;
  missed: { count: number; estimated: number; estimatedPnlMinor: number };
}

/**
 * What following and breaking each playbook entry earned. `trades` are the selected closed trades
 * (one log or all, closed within the range); a check-off on any other trade (open, or outside the
 * selection) is not counted. Each side is figured by the analytics' own `summarize`, so a win, a
 * loss, the win rate and the profit factor mean exactly what they mean on `GET /api/analytics`
 * (break-even tolerance included). `missed` are the missed trades already selected by time.
 *
 * Entries are listed in the order given; a draft with nothing checked or missed is left out (it is
 * not in force yet, and zeros would say nothing).
 */
export function playbookStats(
  entries: readonly StatsEntry[],
  trades: readonly ClosedTrade[],
  checks: readonly StatsCheck[],
  missed: readonly StatsMissed[],
  conventions: Partial<AnalyticsConventions> = {},
): EntryStats[] {
  const tradeById = new Map(trades.map((t) => [t.id, t]));
  const sides = new Map<string, { followed: ClosedTrade[]; broken: ClosedTrade[] }>();
  for (const check of checks) {
    const trade = tradeById.get(check.tradeId);
    if (!trade) continue;
    let side = sides.get(check.entryId);
    if (!side) sides.set(check.entryId, (side = { followed: [], broken: [] }));
    (check.followed ? side.followed : side.broken).push(trade);
  }
  const missedByEntry = new Map<string, EntryStats['missed']>();
  for (const m of missed) {
    let sum = missedByEntry.get(m.entryId);
    if (!sum) missedByEntry.set(m.entryId, (sum = { count: 0, estimated: 0, estimatedPnlMinor: 0 }));
    sum.count += 1;
    if (m.estimatedPnlMinor !== null) {
      sum.estimated += 1;
      sum.estimatedPnlMinor = addMicros(sum.estimatedPnlMinor, m.estimatedPnlMinor);
    }
  }

  const stats: EntryStats[] = [];
  for (const entry of entries) {
    const side = sides.get(entry.id) ?? { followed: [], broken: [] };
    const missedSum = missedByEntry.get(entry.id) ?? { count: 0, estimated: 0, estimatedPnlMinor: 0 };
    const checked = side.followed.length + side.broken.length;
    if (entry.status === 'draft' && checked === 0 && missedSum.count === 0) continue;
    stats.push({
      entryId: entry.id,
      title: entry.title,
      kind: entry.kind,
      status: entry.status,
      checked,
      followRate: ratioOrNull(side.followed.length, checked),
      followed: outcomeFigures(side.followed, conventions),
      broken: outcomeFigures(side.broken, conventions),
      missed: missedSum,
    });
  }
  return stats;
}

function outcomeFigures(trades: readonly ClosedTrade[], conventions: Partial<AnalyticsConventions>): OutcomeFigures {
  const s = summarize(trades, conventions);
  return { trades: s.trades, wins: s.wins, losses: s.losses, netPnlMinor: s.netPnl, winRate: s.winRate, profitFactor: s.profitFactor };
}
