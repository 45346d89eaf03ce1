import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTradovateOrders } from './tradovate-orders.importer.js';

const sample = readFileSync(new URL('./fixtures/ok/tradovate_orders_constructed.csv', import.meta.url), 'utf8');
const HEADER = sample.split('\n')[0] ?? '';

describe(importTradovateOrders.name, () => {
  const result = importTradovateOrders(sample);

  it('makes each Filled order one execution and lists the others with their status', () => {
    expect(result.executions.map((e) => `${e.line} ${e.side} ${e.quantity} ${e.instrument.symbol} @${e.price}`)).toEqual([
      '2 buy 2 /MNQH6 @21503.25',
      '4 sell 2 /MNQH6 @21521.5',
      '5 sell 1 /MESH6 @6042.75',
      '7 buy 1 /MESH6 @6036',
    ]);
    expect(result.skipped).toEqual([
      { line: 3, reason: 'order not filled: Status "Canceled"' },
      { line: 6, reason: 'order not filled: Status "Rejected"' },
    ]);
  });

  it("gives /MNQ $2 and /MES $5 a point: the MNQ round trip makes (21521.50 − 21503.25) × 2 × 2 = $73.00", () => {
    const [buy, sell] = result.executions;
    const points = Math.round((Number(sell?.price) - Number(buy?.price)) * 100); // 18.25 points, in hundredths
    expect(points * Number(buy?.quantity) * Number(buy?.instrument.multiplier)).toBe(7300);
    expect(result.executions.map((e) => e.instrument.multiplier)).toEqual(['2', '2', '5', '5']);
  });

  it('dates an execution at its Fill Time in New York, keeps the order id, and leaves fees and effect to the grouping', () => {
    expect(result.executions[1]).toMatchObject({
      broker: 'tradovate',
      account: 'DEMO1234567',
      orderId: '301000003',
      comboId: null,
      // 01/06/2026 09:44:17 EST = 14:44:17 UTC (the order was placed at 09:31:05).
      executedAt: Date.UTC(2026, 0, 6, 14, 44, 17),
      localTime: '01/06/2026 09:44:17',
      timeZone: 'America/New_York',
      instrument: { kind: 'future', underlying: '/MNQ', symbol: '/MNQH6', multiplier: '2', expiry: null, strike: null, right: null },
      positionEffect: 'unknown',
      fees: { commission: '0', exchangeFee: '0', clearingFee: '0' },
    });
    expect(new Set(result.executions.map((e) => e.rowHash)).size).toBe(4);
  });

  it('skips a Filled row with no fill quantity or an unknown contract root, naming the field', () => {
    const rows = [
      '1,"A","1","Buy","MNQH6","MNQ","",21500,0,"01/06/2026 09:31:04","Buy","Filled","",0,"","Market","","","","",0,"","","",""',
      '2,"A","2","Buy","ZZZH6","ZZZ","",10,1,"01/06/2026 09:31:04","Buy","Filled","",1,"","Market","","","","",1,"","","",""',
      '3,"A","3","Hold","MNQH6","MNQ","",21500,1,"01/06/2026 09:31:04","Buy","Filled","",1,"","Market","","","","",1,"","","",""',
    ];
    expect(importTradovateOrders([HEADER, ...rows].join('\n')).skipped).toEqual([
      { line: 2, reason: 'filledQty must not be 0' },
      { line: 3, reason: 'unknown futures root in "ZZZH6": add its multiplier to the symbols' },
      { line: 4, reason: 'bad B/S "Hold"' },
    ]);
  });
});
