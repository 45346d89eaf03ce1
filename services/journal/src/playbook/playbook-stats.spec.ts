import { describe, expect, it } from 'vitest';
import type { ClosedTrade } from '@marketswarm/shared/journal';
import { playbookStats, type StatsCheck, type StatsEntry } from './playbook-stats.js';

const usd = (dollars: number): number => Math.round(dollars * 1_000_000);
const MONDAY = Date.UTC(2026, 11, 7, 15, 0);
const HOUR = 3_600_000;

/** A closed SPX trade of the week: net = gross − fees, $5 of fees each. */
function trade(id: string, day: number, net: number): ClosedTrade {
  const openedAt = MONDAY + day * 24 * HOUR;
  return { id, symbol: 'SPX', strategy: 'vertical', side: 'short', openedAt, closedAt: openedAt + HOUR, grossMinor: usd(net + 5), feesMinor: usd(5), netMinor: usd(net), riskMinor: null, tags: [], quantity: 1 };
}

const entry = (id: string, kind: StatsEntry['kind'], status: StatsEntry['status'] = 'active'): StatsEntry => ({ id, title: id, kind, status });
const followed = (tradeId: string, entryId: string): StatsCheck => ({ tradeId, entryId, followed: true });
const broke = (tradeId: string, entryId: string): StatsCheck => ({ tradeId, entryId, followed: false });

describe(playbookStats.name, () => {
  describe('a week of SPX credit spreads under "no entry before 10:00" and "size down after two losses"', () => {
    // T1 +300, T2 +150, T3 −200 followed the 10:00 rule; T4 −450, T5 +100 broke it. T6 +50 heeded the sizing warning.
    const week = [trade('T1', 0, 300), trade('T2', 1, 150), trade('T3', 2, -200), trade('T4', 3, -450), trade('T5', 4, 100), trade('T6', 4.5, 50)];
    const entries = [entry('no-entry-before-10', 'rule'), entry('size-down', 'warning'), entry('opening-drive', 'pattern'), entry('idea', 'pattern', 'draft')];
    const checks = [
      followed('T1', 'no-entry-before-10'),
      followed('T2', 'no-entry-before-10'),
      followed('T3', 'no-entry-before-10'),
      broke('T4', 'no-entry-before-10'),
      broke('T5', 'no-entry-before-10'),
      followed('T6', 'size-down'),
      // Checked off, but still open: not among the closed trades, so not counted.
      broke('OPEN-1', 'no-entry-before-10'),
    ];
    const missed = [
      { entryId: 'opening-drive', estimatedPnlMinor: usd(400) },
      { entryId: 'opening-drive', estimatedPnlMinor: usd(-125.5) },
      { entryId: 'opening-drive', estimatedPnlMinor: null },
    ];
    const stats = playbookStats(entries, week, checks, missed);
    const of = (id: string) => stats.find((s) => s.entryId === id);

    it('counts the closed trades checked off against the rule and the share that followed it', () => {
      // 5 closed trades checked (the open one is not); 3 followed → 3 / 5 = 0.6.
      expect(of('no-entry-before-10')).toMatchObject({ checked: 5, followRate: 0.6 });
    });

    it('figures the trades that followed the rule as analytics would: net, win rate, profit factor', () => {
      // Net 300 + 150 − 200 = $250; 2 wins of 3 → 2/3; profit factor (300 + 150) / |−200| = 2.25.
      expect(of('no-entry-before-10')?.followed).toEqual({ trades: 3, wins: 2, losses: 1, netPnlMinor: usd(250), winRate: 2 / 3, profitFactor: 2.25 });
    });

    it('figures the trades that broke it the same way', () => {
      // Net −450 + 100 = −$350; 1 win of 2 → 0.5; profit factor 100 / |−450| = 0.2222…
      expect(of('no-entry-before-10')?.broken).toEqual({ trades: 2, wins: 1, losses: 1, netPnlMinor: usd(-350), winRate: 0.5, profitFactor: 100 / 450 });
    });

    it('reports no profit factor without losers and no win rate without trades', () => {
      // The warning: T6 +$50 heeded it, nothing broke it.
      expect(of('size-down')).toMatchObject({
        checked: 1,
        followRate: 1,
        followed: { trades: 1, wins: 1, losses: 0, netPnlMinor: usd(50), winRate: 1, profitFactor: null },
        broken: { trades: 0, wins: 0, losses: 0, netPnlMinor: 0, winRate: null, profitFactor: null },
      });
    });

    it('sums the missed trades of a pattern, counting only those with an estimate in the P&L', () => {
      // 3 missed; 2 estimated: 400 − 125.50 = $274.50. A pattern has no check-offs: follow rate null.
      expect(of('opening-drive')).toMatchObject({ checked: 0, followRate: null, missed: { count: 3, estimated: 2, estimatedPnlMinor: usd(274.5) } });
    });

    it('leaves out a draft with nothing checked or missed, and keeps the order given', () => {
      expect(stats.map((s) => s.entryId)).toEqual(['no-entry-before-10', 'size-down', 'opening-drive']);
    });
  });

  it('counts a trade within the break-even tolerance as neither a win nor a loss, as analytics do', () => {
    // Tolerance $1: T1 +$300 wins, T2 +$0.50 is break-even → 1 win of 2 trades = 0.5, no losers → no profit factor.
    const stats = playbookStats([entry('r', 'rule')], [trade('T1', 0, 300), trade('T2', 1, 0.5)], [followed('T1', 'r'), followed('T2', 'r')], [], { breakevenToleranceMinor: usd(1) });
    expect(stats[0]?.followed).toEqual({ trades: 2, wins: 1, losses: 0, netPnlMinor: usd(300.5), winRate: 0.5, profitFactor: null });
  });

  it('keeps a draft that has missed trades', () => {
    const stats = playbookStats([entry('idea', 'pattern', 'draft')], [], [], [{ entryId: 'idea', estimatedPnlMinor: null }]);
    expect(stats.map((s) => [s.entryId, s.missed.count])).toEqual([['idea', 1]]);
  });
});
