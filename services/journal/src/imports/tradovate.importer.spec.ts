import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTradovatePaired } from './tradovate.importer.js';

const sample = readFileSync(new URL('./fixtures/ok/tradovate_paired_trades_tradetally.csv', import.meta.url), 'utf8');
const [TRADOVATE_HEADER = '', TRADOVATE_LINE_2 = ''] = sample.split(/\r?\n/);

describe(importTradovatePaired.name, () => {
  const result = importTradovatePaired(sample);

  it('makes each paired row a buy and a sell execution for the paired quantity', () => {
    expect(result.skipped).toEqual([]);
    expect(result.executions).toHaveLength(10);
    expect(result.executions.map((e) => `${e.line} ${e.side} ${e.quantity} @${e.price}`)).toEqual([
      '2 buy 5 @25073.25',
      '2 sell 5 @25072',
      '3 buy 1 @25060.75',
      '3 sell 1 @25048.5',
      '4 buy 2 @25053.75',
      '4 sell 2 @25044',
      '5 buy 2 @25064',
      '5 sell 2 @25051',
      '6 buy 5 @25082.75',
      '6 sell 5 @25073.75',
    ]);
  });

  it("uses /MNQ's $2 a point: each pair's (sell − buy) × qty × 2 is the P/L column", () => {
    // Row 2: (25072.00 − 25073.25) × 5 × 2 = −12.50; row 4: (25044 − 25053.75) × 2 × 2 = −39.00.
    const pl = sample
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => Math.round(Number(row.split(',')[22]) * 100));
    const cents = [2, 3, 4, 5, 6].map((line) => {
      const [buy, sell] = result.executions.filter((e) => e.line === line);
      return Math.round((Number(sell?.price) - Number(buy?.price)) * 100) * Number(buy?.quantity) * Number(buy?.instrument.multiplier);
    });
    expect(cents).toEqual(pl);
    expect(pl).toEqual([-1250, -2450, -3900, -5200, -9000]);
  });

  it('opens with the earlier fill: bought first is long, sold first is short, in the same second the lower fill id', () => {
    const effects = (line: number) => result.executions.filter((e) => e.line === line).map((e) => `${e.side} ${e.positionEffect}`);
    expect(effects(4)).toEqual(['buy open', 'sell close']); // bought 15:37:35, sold 15:38:00
    expect(effects(5)).toEqual(['buy close', 'sell open']); // bought 15:37:06, sold 15:36:31
    // The same second with the sell's fill id lower: a short, its sell stored first.
    const sameSecondShort = importTradovatePaired(
      [TRADOVATE_HEADER, TRADOVATE_LINE_2.replace('465747740203,465747740221', '465747740221,465747740203')].join('\n'),
    ).executions.map((e) => `${e.side} ${e.positionEffect}`);
    expect(sameSecondShort).toEqual(['sell open', 'buy close']);
    expect(effects(2)).toEqual(['buy open', 'sell close']); // both 17:14:44: Buy Fill ID 465747740203 < Sell Fill ID 465747740221
  });

  it('keeps the fill ids, the account and the contract, and reads the time in New York by default', () => {
    expect(result.executions[0]).toMatchObject({
      account: 'APEX4977960000002',
      executionId: '465747740203',
      // 04/09/2026 17:14:44 EDT = 21:14:44 UTC.
      executedAt: Date.UTC(2026, 3, 9, 21, 14, 44),
      instrument: { kind: 'future', underlying: '/MNQ', symbol: '/MNQM6', multiplier: '2' },
      fees: { commission: '0', exchangeFee: '0', clearingFee: '0' },
    });
    expect(new Set(result.executions.map((e) => e.rowHash)).size).toBe(10);
  });
});
