import { describe, expect, it } from 'vitest';
import { byCloseTime, type ClosedTrade } from './closed-trade.js';
import { tradeColumns } from './trade-columns.js';

const T0 = Date.parse('2026-03-02T15:00:00Z');

function trade(id: string, closedAt: number, openedAt = closedAt - 60_000, netMinor = 1_000_000): ClosedTrade {
  return { id, symbol: 'SPX', strategy: 'single', side: 'long', openedAt, closedAt, grossMinor: netMinor, feesMinor: 0, netMinor, riskMinor: null, tags: [], quantity: 1 };
}

describe(tradeColumns.name, () => {
  it('orders as byCloseTime does, ties within one second and on every key included, equal trades in given order', () => {
    const trades = [
      trade('e', T0 + 1_500),
      trade('d', T0 + 1_200, T0 - 5_000),
      trade('c', T0 + 1_200, T0 - 9_000),
      trade('b', T0 + 1_200, T0 - 5_000),
      trade('a', T0 + 999),
      trade('x', T0 - 86_400_000),
      { ...trade('b', T0 + 1_200, T0 - 5_000), symbol: 'NDX' },
    ];
    const columns = tradeColumns(trades, true);
    // x closed a day earlier; a at +0.999 s; c, b, b′, d at +1.2 s (c opened first; b before d by id; the two b in given order); e at +1.5 s.
    expect(columns.trades.map((t) => `${t.id}${t.symbol === 'NDX' ? '′' : ''}`)).toEqual(['x', 'a', 'c', 'b', 'b′', 'd', 'e']);
    expect(columns.trades).toEqual([...trades].sort(byCloseTime));
    expect(Array.from(columns.closedAt)).toEqual(columns.trades.map((t) => t.closedAt));
  });

  it('gives the same order through the comparator alone when the close times span too far for numeric keys', () => {
    // (4e15 s of range) × 3 trades is beyond 2^53.
    const trades = [trade('z', 4e18, 0), trade('y', 1_000, 0), trade('w', 1_000, 0)];
    expect(tradeColumns(trades).trades.map((t) => t.id)).toEqual(['w', 'y', 'z']);
  });

  it('copies the money and uses NaN for a missing risk', () => {
    const columns = tradeColumns([{ ...trade('r', T0), grossMinor: 2_500_000, feesMinor: 12_500, netMinor: 2_487_500, riskMinor: 5_000_000 }, trade('s', T0 + 1)]);
    expect([Array.from(columns.gross), Array.from(columns.fees), Array.from(columns.net), Array.from(columns.risk)]).toEqual([
      [2_500_000, 1_000_000],
      [12_500, 0],
      [2_487_500, 1_000_000],
      [5_000_000, Number.NaN],
    ]);
  });

  it('checks every trade when asked', () => {
    expect(() => tradeColumns([{ ...trade('bad', T0), netMinor: 5 }], true)).toThrow(/netMinor/);
  });
});
