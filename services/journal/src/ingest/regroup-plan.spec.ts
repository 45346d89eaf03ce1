import { describe, expect, it } from 'vitest';
import type { GroupedTrade } from '../grouping/group-executions.js';
import { planRegroup, type StoredGroup } from './regroup-plan.js';
import { tradeDigest } from './trade-digest.js';

function grouped(key: string, changes: Partial<GroupedTrade> = {}): GroupedTrade {
  return {
    key,
    symbol: 'SPX',
    strategy: 'single',
    side: 'long',
    quantityMicros: 1_000_000,
    openedAt: 1,
    closedAt: null,
    status: 'open',
    grossMicros: 0,
    feesMicros: 662_500,
    netMicros: -662_500,
    riskMicros: 500_000_000,
    notes: '',
    marketAtEntry: null,
    legs: [],
    ...changes,
  };
}

const stored = (key: string, trade: GroupedTrade, risk: { riskMicros: number | null; computedRiskMicros: number | null }, fills: readonly string[] = []): StoredGroup => ({
  id: `id-${key}`,
  key,
  digest: tradeDigest(trade),
  ...risk,
  fills: new Set(fills),
});

const leg = (...executionIds: string[]): GroupedTrade['legs'][number] => ({
  instrumentKind: 'option',
  symbol: 'XSP   261204C00600000',
  expiry: '2026-12-04',
  strikeMicros: 600_000_000,
  optionRight: 'C',
  side: 'buy',
  quantityMicros: executionIds.length * 1_000_000,
  openPriceMicros: 4_000_000,
  closePriceMicros: null,
  multiplierMicros: 100_000_000,
  fills: executionIds.map((executionId) => ({ executionId, quantityMicros: 1_000_000 })),
});

describe(planRegroup.name, () => {
  it('creates trades no stored row has the key of, and leaves unchanged ones alone', () => {
    const kept = grouped('a');
    const plan = planRegroup([stored('a', kept, { riskMicros: 500_000_000, computedRiskMicros: 500_000_000 })], [kept, grouped('b')]);
    expect(plan.create.map((c) => c.trade.key)).toEqual(['b']);
    expect(plan.rewrite).toEqual([]);
    expect(plan.remove).toEqual([]);
    expect(plan.unchanged).toBe(1);
  });

  it('rewrites a trade a later fill closed, following the new computed risk when the trader typed none', () => {
    const before = grouped('a');
    const after = grouped('a', { status: 'closed', closedAt: 2, grossMicros: 100_000_000, netMicros: 98_675_000, feesMicros: 1_325_000, riskMicros: 400_000_000 });
    const plan = planRegroup([stored('a', before, { riskMicros: 500_000_000, computedRiskMicros: 500_000_000 })], [after]);
    expect(plan.rewrite).toEqual([{ id: 'id-a', trade: after, digest: tradeDigest(after), riskMicros: 400_000_000, rekeyed: false }]);
  });

  it('keeps a risk the trader typed (it differs from what grouping computed) when the trade is rewritten', () => {
    const before = grouped('a');
    const after = grouped('a', { status: 'closed', closedAt: 2 });
    const plan = planRegroup([stored('a', before, { riskMicros: 250_000_000, computedRiskMicros: 500_000_000 })], [after]);
    expect(plan.rewrite[0]?.riskMicros).toBe(250_000_000);
  });

  it('removes a stored trade whose opening fill no longer opens a trade', () => {
    const plan = planRegroup([stored('gone', grouped('gone'), { riskMicros: null, computedRiskMicros: null })], []);
    expect(plan.remove).toEqual(['id-gone']);
  });

  it('does not count notes or the market stamp as a change: the digest covers only what grouping decides', () => {
    expect(tradeDigest(grouped('a', { notes: 'typed' }))).toBe(tradeDigest(grouped('a', { marketAtEntry: { status: 'unavailable', reason: 'no-market-data' } })));
    expect(tradeDigest(grouped('a', { feesMicros: 1 }))).not.toBe(tradeDigest(grouped('a')));
  });

  it('hands a trade whose opening fill no longer opens it (an earlier file imported later) to the new trade holding most of its fills, keeping its id', () => {
    // Stored: opened by fill "dec-2", closed partly by "dec-3". The backfill adds "nov-28", which now opens the position.
    const before = grouped('dec-2', { legs: [leg('dec-2', 'dec-3')] });
    const other = grouped('unrelated', { legs: [leg('nov-1')] });
    const after = grouped('nov-28', { legs: [leg('nov-28', 'dec-2', 'dec-3')] });
    const plan = planRegroup([stored('dec-2', before, { riskMicros: 250_000_000, computedRiskMicros: 400_000_000 }, ['dec-2', 'dec-3'])], [other, after]);
    expect(plan.rewrite).toEqual([{ id: 'id-dec-2', trade: after, digest: tradeDigest(after), riskMicros: 250_000_000, rekeyed: true }]);
    expect(plan.create.map((c) => c.trade.key)).toEqual(['unrelated']);
    expect(plan.remove).toEqual([]);
  });
});
