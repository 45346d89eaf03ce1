import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTradestation } from './tradestation.importer.js';

const sample = readFileSync(new URL('./fixtures/ok/tradestation_orders_constructed.csv', import.meta.url), 'utf8');
const HEADER = sample.split('\n')[0] ?? '';

describe(importTradestation.name, () => {
  const result = importTradestation(sample);
  const cents = (text: string) => Math.round(Number(text) * 100);

  it('makes every order with a filled quantity an execution, the cancelled partial fill included', () => {
    expect(result.executions.map((e) => `${e.line} ${e.side} ${e.positionEffect} ${e.quantity} ${e.instrument.symbol} @${e.price}`)).toEqual([
      '2 buy close 2 SPXW  251219C06000000 @0.4',
      '3 sell close 2 SPXW  251219C06010000 @0.15',
      '4 sell unknown 1 ESH26 @6081.25',
      '5 buy unknown 1 ESH26 @6075.5',
      '6 buy close 40 TSLA @451.25', // Buy to Cover, cancelled after 40 of 100
      '7 sell open 40 TSLA @459.9', // Sell Short
      '9 sell open 2 SPXW  251219C06000000 @2.1',
      '10 buy open 2 SPXW  251219C06010000 @0.65',
    ]);
    expect(result.skipped).toEqual([{ line: 8, reason: 'order not filled: Status "Canceled", Qty Filled "0"' }]);
  });

  it('groups the legs of a spread order under its Order #', () => {
    const legs = result.executions.filter((e) => e.comboId === '1-2345-678820');
    expect(legs.map((e) => e.line)).toEqual([9, 10]);
    expect(legs.every((e) => e.orderId === '1-2345-678820' && e.account === '11223344')).toBe(true);
  });

  it("reads ESH26 as /ES at $50 a point: the round trip makes (6081.25 − 6075.50) × 50 = $287.50 less $3.00", () => {
    const es = result.executions.filter((e) => e.instrument.underlying === '/ES');
    expect(es[0]?.instrument).toEqual({ kind: 'future', underlying: '/ES', symbol: 'ESH26', multiplier: '50', expiry: null, strike: null, right: null });
    const net = es.reduce((sum, e) => sum + (e.side === 'sell' ? 1 : -1) * cents(e.price) * Number(e.quantity) * 50 - cents(e.fees.commission), 0);
    expect(net).toBe(28_450); // 28,750 − 2 × 150 cents
  });

  it('nets the SPXW call vertical (2.10 − 0.65 − 0.40 + 0.15) × 200 = $240 less 4 × $1.20', () => {
    const spx = result.executions.filter((e) => e.instrument.underlying === 'SPX');
    const net = spx.reduce((sum, e) => sum + (e.side === 'sell' ? 1 : -1) * cents(e.price) * Number(e.quantity) * 100 - cents(e.fees.commission), 0);
    expect(net).toBe(23_520);
  });

  it('reads the 12-hour Filled time in New York', () => {
    // 3:41:12 PM EST = 20:41:12 UTC.
    expect(result.executions[0]).toMatchObject({ executedAt: Date.UTC(2025, 11, 19, 20, 41, 12), localTime: '12/19/2025 3:41:12 PM', timeZone: 'America/New_York' });
  });

  it('names a side, a contract root or a time it cannot read', () => {
    const text = [
      HEADER,
      '1,A,AAPL,Market,Exercise,1,1,100,Filled,,12/19/2025 9:45:30 AM,$0.00,Day,',
      '2,A,ZZZH26,Market,Buy,1,1,100,Filled,,12/19/2025 9:45:30 AM,$0.00,Day,',
      '3,A,AAPL,Market,Buy,1,1,100,Filled,,12/19/2025 13:45:30 PM,$0.00,Day,',
    ].join('\n');
    expect(importTradestation(text).skipped).toEqual([
      { line: 2, reason: 'bad Side "Exercise"' },
      { line: 3, reason: 'unknown futures root in "ZZZH26": add its multiplier to the symbols' },
      { line: 4, reason: 'bad date "12/19/2025 13:45:30 PM"' },
    ]);
  });
});
