import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTastytrade } from './tastytrade.importer.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/ok/${name}`, import.meta.url), 'utf8');

describe(importTastytrade.name, () => {
  describe('a /CL futures round trip', () => {
    const result = importTastytrade(fixture('tastytrade_cl_future.csv'));

    it('reads both fills with the price from the description and the costs as positive fees', () => {
      expect(result.skipped).toEqual([]);
      expect(result.executions.map((e) => [e.line, e.side, e.quantity, e.price, e.orderId, e.fees])).toEqual([
        [2, 'sell', '1', '79.53', '310910163', { commission: '1.25', exchangeFee: '1.82', clearingFee: '0' }],
        [3, 'buy', '1', '79.69', '310909959', { commission: '1.25', exchangeFee: '1.82', clearingFee: '0' }],
      ]);
    });

    it("uses /CL's multiplier of 1000: bought 79.69, sold 79.53 is (79.53 − 79.69) × 1000 = −$160, the Value of the closing row", () => {
      const [sell, buy] = result.executions;
      expect(sell?.instrument).toEqual({ kind: 'future', underlying: '/CL', symbol: '/CLJ4', multiplier: '1000', expiry: null, strike: null, right: null });
      expect(Math.round((Number(sell?.price) - Number(buy?.price)) * Number(sell?.instrument.multiplier))).toBe(-160);
    });

    it('reads the time with the offset it carries: 14:16:27+0100 is 13:16:27 UTC', () => {
      expect(result.executions[0]).toMatchObject({ executedAt: Date.UTC(2023, 2, 4, 13, 16, 27), localTime: '2023-03-04T14:16:27+0100', timeZone: '+01:00' });
    });
  });

  describe('a /MES futures-option put spread (LT112) held to expiration', () => {
    const result = importTastytrade(fixture('tastytrade_mes_lt112.csv'));
    const byLine = (line: number) => result.executions.find((e) => e.line === line);

    it('reads six executions and lists the deposit as not a trade', () => {
      expect(result.executions.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7]);
      expect(result.skipped).toEqual([{ line: 8, reason: 'not a trade: Money Movement / Deposit' }]);
    });

    it('groups the two legs of order 323965426 as one combo', () => {
      const legs = result.executions.filter((e) => e.comboId === '323965426');
      expect(legs.map((e) => [e.line, e.side, e.positionEffect, e.instrument.strike, e.price])).toEqual([
        [6, 'sell', 'open', '5050', '54'],
        [7, 'buy', 'open', '5100', '61.5'],
      ]);
    });

    it('values a /MES option at $5 a point although the Multiplier column says 1: 54.0 × 5 = 270.00 and 61.5 × 5 = 307.50, the Value column', () => {
      expect(byLine(6)?.instrument).toEqual({ kind: 'future_option', underlying: '/MESU4', symbol: './MESU4MESU4 240920P5050', multiplier: '5', expiry: '2024-09-20', strike: '5050', right: 'P' });
      expect(Number(byLine(6)?.price) * 5).toBe(270);
      expect(Number(byLine(7)?.price) * 5).toBe(307.5);
      // Sold 2 at 22.0 (Value 220.00 = 22 × 5 × 2), bought back at 1.1 (Value −11.00 = 1.1 × 5 × 2).
      expect([byLine(5)?.price, byLine(4)?.price]).toEqual(['22', '1.1']);
    });

    it('closes the expired legs at 0 as expirations, without fees ("--" commissions)', () => {
      expect([byLine(2), byLine(3)].map((e) => [e?.event, e?.side, e?.positionEffect, e?.price, e?.orderId, e?.fees.commission])).toEqual([
        ['expiration', 'buy', 'close', '0', null, '0'],
        ['expiration', 'sell', 'close', '0', null, '0'],
      ]);
      // 2024-09-20T23:00:00+0200 = 21:00 UTC.
      expect(byLine(2)?.executedAt).toBe(Date.UTC(2024, 8, 20, 21, 0, 0));
    });
  });

  it('skips a negative quantity and an unknown futures root, naming the line', () => {
    const header = fixture('tastytrade_cl_future.csv').split('\n')[0] ?? '';
    const text = [
      header,
      '2023-03-04T14:16:27+0100,Trade,Sell,SELL,/CLJ4,Future,Sold 1 /CLJ4 @ 79.53,-160.00,-1,-160.00,-1.25,-1.82,,,,,,,310910163,USD',
      '2023-03-04T14:16:27+0100,Trade,Sell,SELL,/ZZJ4,Future,Sold 1 /ZZJ4 @ 1.5,0,1,0,-1.25,-1.82,,,,,,,310910164,USD',
    ].join('\n');
    expect(importTastytrade(text).skipped).toEqual([
      { line: 2, reason: 'quantity must be positive, got -1' },
      { line: 3, reason: 'unknown futures root in "/ZZJ4": add its multiplier to the symbols' },
    ]);
    expect(importTastytrade(text, { multipliers: { ZZ: '42' } }).executions[0]?.instrument.multiplier).toBe('42');
  });
});
