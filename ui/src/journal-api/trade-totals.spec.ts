import { describe, expect, it } from 'vitest';
import { tradeTotals } from './trade-totals';

describe(tradeTotals.name, () => {
  it('counts every trade shown, sums net exactly and rates wins over closed trades only', () => {
    const totals = tradeTotals(
      [
        { status: 'closed', net: 182.4 },
        { status: 'closed', net: -120.55 },
        { status: 'closed', net: 0 },
        { status: 'open', net: 10.1 },
      ],
      0,
    );
    // 182.4 − 120.55 + 0 + 10.1 = 71.95; wins 1 of 3 closed (break-even counts against).
    expect(totals).toEqual({ count: 4, net: 71.95, closed: 3, wins: 1, losses: 1, winRate: 1 / 3 });
  });

  it('does not drift over ten thousand cent amounts', () => {
    const trades = Array.from({ length: 10_000 }, () => ({ status: 'closed' as const, net: 0.1 }));
    expect(tradeTotals(trades, 0).net).toBe(1000);
    // A float running sum would give 1000.0000000001588.
    expect(trades.reduce((s, t) => s + t.net, 0)).not.toBe(1000);
  });

  it('has no win rate without a closed trade', () => {
    expect(tradeTotals([{ status: 'open', net: 5 }], 0).winRate).toBeNull();
    expect(tradeTotals([], 0)).toEqual({ count: 0, net: 0, closed: 0, wins: 0, losses: 0, winRate: null });
  });
});
