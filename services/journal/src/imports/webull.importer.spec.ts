import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importWebull, WEBULL_COLUMNS } from './webull.importer.js';

const sample = readFileSync(new URL('./fixtures/ok/webull_orders_records_options_constructed.csv', import.meta.url), 'utf8');
const HEADER = `${WEBULL_COLUMNS.slice(0, 8).join(',')},Time-in-Force,Placed Time,Filled Time`;

describe(importWebull.name, () => {
  const result = importWebull(sample);

  it('makes each filled leg an execution and lists the summaries and the cancelled order', () => {
    expect(result.executions.map((e) => e.line)).toEqual([3, 4, 8, 10, 11]);
    expect(result.skipped).toEqual([
      { line: 2, reason: 'spread order summary "SPXW Vertical": its legs are the executions' },
      { line: 5, reason: 'spread order summary "SPXW Vertical": its legs are the executions' },
      { line: 6, reason: 'order not filled: Status "Cancelled"' },
      { line: 7, reason: 'order not filled: Status "Cancelled"' },
      { line: 9, reason: 'spread order summary "SPXW Vertical": its legs are the executions' },
    ]);
  });

  it("gives a spread's legs its summary as combo id, and a single-leg order none", () => {
    expect(result.executions.map((e) => `${e.comboId ?? '-'} | ${e.side} ${e.quantity} ${e.instrument.symbol} @${e.price}`)).toEqual([
      'SPXW Vertical 12/19/2025 15:40:55 EST | buy 2 SPXW  251219C06000000 @0.4',
      'SPXW Vertical 12/19/2025 15:40:55 EST | sell 2 SPXW  251219C06010000 @0.15',
      '- | buy 3 SPY   251219P00670000 @0.65', // Avg Price, not the @0.66 limit
      'SPXW Vertical 12/19/2025 09:45:02 EST | sell 2 SPXW  251219C06000000 @2.1',
      'SPXW Vertical 12/19/2025 09:45:02 EST | buy 2 SPXW  251219C06010000 @0.65',
    ]);
  });

  it('prices each vertical at its summary: 2.10 − 0.65 = 1.45 credit, 0.40 − 0.15 = 0.25 debit; +$240 over 2 spreads', () => {
    const cents = result.executions
      .filter((e) => e.instrument.underlying === 'SPX')
      .reduce((sum, e) => sum + (e.side === 'sell' ? 1 : -1) * Math.round(Number(e.price) * 100) * Number(e.quantity) * 100, 0);
    expect(cents).toBe(24_000); // (1.45 − 0.25) × 2 × 100 = $240.00, in cents
  });

  it('reads the Filled Time at the offset its zone names, with no fees and an unknown effect', () => {
    expect(result.executions[0]).toMatchObject({
      broker: 'webull',
      // 15:41:12 EST = 20:41:12 UTC.
      executedAt: Date.UTC(2025, 11, 19, 20, 41, 12),
      localTime: '12/19/2025 15:41:12 EST',
      timeZone: '-05:00',
      instrument: { kind: 'option', underlying: 'SPX', multiplier: '100', expiry: '2025-12-19', strike: '6000', right: 'C' },
      positionEffect: 'unknown',
      fees: { commission: '0', exchangeFee: '0', clearingFee: '0' },
    });
  });

  it('reads the stock export, EDT at UTC−4, a Short as opening, and names what it cannot read', () => {
    const text = [
      HEADER,
      'Apple Inc,AAPL,Buy,Filled,10.00000000,10.00000000,@150.00,150.50,DAY,06/01/2026 09:53:38 EDT,06/01/2026 09:53:38 EDT',
      'Tesla Inc,TSLA,Short,Filled,5,5,@300.00,300.10,DAY,06/01/2026 10:00:00 EDT,06/01/2026 10:00:01 EDT',
      'Tesla Inc,TSLA,Buy,Cancelled,0,10,@200.00,,DAY,06/01/2026 10:00:00 EDT,',
      'Tesla Inc,TSLA,Buy,Filled,5,5,@290.00,290.00,DAY,06/01/2026 11:00:00 JST,06/01/2026 11:00:00 JST',
    ].join('\n');
    const parsed = importWebull(text);
    expect(parsed.executions.map((e) => [e.side, e.positionEffect, e.quantity, e.price, e.executedAt, e.timeZone])).toEqual([
      ['buy', 'unknown', '10', '150.5', Date.UTC(2026, 5, 1, 13, 53, 38), '-04:00'],
      ['sell', 'open', '5', '300.1', Date.UTC(2026, 5, 1, 14, 0, 1), '-04:00'],
    ]);
    expect(parsed.skipped).toEqual([
      { line: 4, reason: 'order not filled: Status "Cancelled"' },
      { line: 5, reason: 'bad date "06/01/2026 11:00:00 JST": unknown zone JST' },
    ]);
  });
});
