import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importThinkorswim } from './thinkorswim.importer.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/ok/${name}`, import.meta.url), 'utf8');
const paper = fixture('thinkorswim_account_statement_paper_2022-06-21.csv');
const spreads = fixture('thinkorswim_spreads_constructed.csv');
const paperTradeHistory = fixture('thinkorswim_papermoney_trade_history_constructed.csv');

const HEADER = ',Exec Time,Spread,Side,Qty,Pos Effect,Symbol,Exp,Strike,Type,Price,Net Price,Order Type';

describe(importThinkorswim.name, () => {
  describe('the real paperMoney statement of 2022-06-21 (NVDA only, UTF-8 BOM)', () => {
    const result = importThinkorswim(paper);

    it('reads every row of the Account Trade History section and nothing from the order history', () => {
      // Lines 333 to 415: 83 fills, 37 buys and 46 sells.
      expect(result.skipped).toEqual([]);
      expect(result.executions).toHaveLength(83);
      expect(result.executions.filter((e) => e.side === 'buy')).toHaveLength(37);
      expect(result.executions.filter((e) => e.side === 'sell')).toHaveLength(46);
    });

    it('ends the day flat: 17,500 shares bought and 17,500 sold', () => {
      const shares = (side: string) => result.executions.filter((e) => e.side === side).reduce((sum, e) => sum + Number(e.quantity), 0);
      expect(shares('buy')).toBe(17_500);
      expect(shares('sell')).toBe(17_500);
    });

    it('reads the first fill exactly: the statement time is New York time (EDT, UTC-4 in June)', () => {
      // ,6/21/22 15:23:42,STOCK,BUY,+500,AUTO,NVDA,,,STOCK,166.39,166.39,STP → 15:23:42 EDT = 19:23:42 UTC.
      expect(result.executions[0]).toMatchObject({
        broker: 'thinkorswim',
        account: null, // the paper statement masks it as "*"
        orderId: null, // paperMoney has no Cash Balance TRD row to give a REF #
        comboId: '6/21/22 15:23:42#1',
        event: 'fill',
        executedAt: Date.UTC(2022, 5, 21, 19, 23, 42),
        localTime: '6/21/22 15:23:42',
        timeZone: 'America/New_York',
        instrument: { kind: 'stock', underlying: 'NVDA', symbol: 'NVDA', multiplier: '1', expiry: null, strike: null, right: null },
        side: 'buy',
        positionEffect: 'unknown', // Pos Effect AUTO
        quantity: '500',
        price: '166.39',
        currency: 'USD',
        fees: { commission: '0', exchangeFee: '0', clearingFee: '0' },
        line: 333,
      });
    });

    it('keeps two identical fills of the same second as two executions with different hashes', () => {
      // Lines 379 and 380: ,6/21/22 11:53:07,STOCK,SELL,-500,AUTO,NVDA,,,STOCK,168.04,168.04,STP twice.
      const twins = result.executions.filter((e) => e.line === 379 || e.line === 380);
      expect(twins.map((e) => [e.side, e.quantity, e.price, e.comboId])).toEqual([
        ['sell', '500', '168.04', '6/21/22 11:53:07#1'],
        ['sell', '500', '168.04', '6/21/22 11:53:07#2'],
      ]);
      expect(twins[0]?.rowHash).not.toBe(twins[1]?.rowHash);
    });

    it('reads the times in the zone it is given', () => {
      const chicago = importThinkorswim(paper, { timeZone: 'America/Chicago' });
      // 15:23:42 CDT = 20:23:42 UTC, an hour after the same wall-clock time in New York.
      expect(chicago.executions[0]).toMatchObject({ executedAt: Date.UTC(2022, 5, 21, 20, 23, 42), timeZone: 'America/Chicago' });
    });
  });

  describe('a statement with VERTICAL, IRON CONDOR and BUTTERFLY rows (constructed to the export format)', () => {
    const result = importThinkorswim(spreads);
    const byLine = (line: number) => result.executions.find((e) => e.line === line);

    it('makes every leg of every spread an execution: 2 + 4 + 3 + 2 legs', () => {
      expect(result.skipped).toEqual([]);
      expect(result.executions.map((e) => e.line)).toEqual([22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);
    });

    it('groups the legs of each spread under the REF # of its Cash Balance row', () => {
      const legsOf = (comboId: string) => result.executions.filter((e) => e.comboId === comboId).map((e) => `${e.side} ${e.quantity} ${e.instrument.strike}${e.instrument.right ?? ''}`);
      expect(legsOf('5319600001')).toEqual(['sell 10 6535P', 'buy 10 6515P']); // vertical opened 09:41:07
      expect(legsOf('5319600002')).toEqual(['buy 1 6580C', 'sell 2 6590C', 'buy 1 6600C']); // 1-2-1 call fly
      expect(legsOf('5319600003')).toEqual(['sell 2 6650C', 'buy 2 6660C', 'sell 2 6450P', 'buy 2 6440P']); // iron condor
      expect(legsOf('5319600004')).toEqual(['buy 10 6535P', 'sell 10 6515P']); // vertical closed 14:20:49
      expect(result.executions.every((e) => e.orderId === e.comboId)).toBe(true);
    });

    it('gives a continuation leg the time, account and expiry of its spread', () => {
      // ,,,SELL,-10,TO CLOSE,SPX,24 MAR 26,6515,PUT,.10,DEBIT, under ,3/24/26 14:20:49,VERTICAL,…
      // 14:20:49 EDT (DST began 8 March 2026) = 18:20:49 UTC.
      expect(byLine(23)).toMatchObject({
        account: 'D-12345678',
        executedAt: Date.UTC(2026, 2, 24, 18, 20, 49),
        localTime: '3/24/26 14:20:49',
        instrument: { kind: 'option', underlying: 'SPX', symbol: 'SPX   260324P06515000', multiplier: '100', expiry: '2026-03-24', strike: '6515', right: 'P' },
        side: 'sell',
        positionEffect: 'close',
        quantity: '10',
        price: '0.1',
      });
    });

    it("splits the spread's commission and misc fees over its legs by contracts, to the cent, adding back to the statement's totals", () => {
      const fees = (line: number) => byLine(line)?.fees;
      // Vertical open: $13.00 commission and $0.84 misc over 10 + 10 contracts = 6.50 + 6.50 and 0.42 + 0.42.
      expect([fees(31), fees(32)]).toEqual([
        { commission: '6.5', exchangeFee: '0.42', clearingFee: '0' },
        { commission: '6.5', exchangeFee: '0.42', clearingFee: '0' },
      ]);
      // Fly: $2.60 over 1/2/1 contracts = 0.65 / 1.30 / 0.65; $0.06 over 1/2/1 = 1.5/3/1.5 cents,
      // floored to 1/3/1 and the leftover cent to the first leg: 0.02 / 0.03 / 0.01.
      expect([fees(28), fees(29), fees(30)]).toEqual([
        { commission: '0.65', exchangeFee: '0.02', clearingFee: '0' },
        { commission: '1.3', exchangeFee: '0.03', clearingFee: '0' },
        { commission: '0.65', exchangeFee: '0.01', clearingFee: '0' },
      ]);
      // Iron condor: $5.20 over 4 × 2 contracts = 1.30 each; $0.17 = 4 cents each plus 1 on the first leg.
      expect([24, 25, 26, 27].map((line) => fees(line)?.exchangeFee)).toEqual(['0.05', '0.04', '0.04', '0.04']);
      // Cash Balance TOTAL row: -1.49 misc, -33.80 commissions.
      const cents = (pick: (e: (typeof result.executions)[number]) => string) => result.executions.reduce((sum, e) => sum + Math.round(Number(pick(e)) * 100), 0);
      expect(cents((e) => e.fees.commission)).toBe(3380);
      expect(cents((e) => e.fees.exchangeFee)).toBe(149);
    });

    it('opens with TO OPEN and closes with TO CLOSE', () => {
      expect(result.executions.map((e) => e.positionEffect)).toEqual(['close', 'close', 'open', 'open', 'open', 'open', 'open', 'open', 'open', 'open', 'open']);
    });
  });

  describe('a paperMoney Trade History export alone (no statement, no Cash Balance, so no fees; constructed)', () => {
    const result = importThinkorswim(paperTradeHistory);
    const legsOf = (comboId: string) => result.executions.filter((e) => e.comboId === comboId).map((e) => `${e.side} ${e.quantity} ${e.instrument.strike}${e.instrument.right ?? ''} @${e.price}`);

    it('makes every leg an execution, the continuation rows taking their spread\'s time', () => {
      expect(result.skipped).toEqual([]);
      expect(result.executions.map((e) => e.line)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
      expect(result.executions.every((e) => e.fees.commission === '0' && e.fees.exchangeFee === '0' && e.orderId === null && e.account === null)).toBe(true);
    });

    it('gives each spread one combo id, its exec time (there is no REF # without a Cash Balance row)', () => {
      expect(legsOf('12/19/25 09:45:30#1')).toEqual(['sell 5 6000C @2.1', 'buy 5 6010C @0.65']);
      expect(legsOf('12/19/25 10:15:00#1')).toEqual(['buy 1 5940P @3.1', 'sell 2 5950P @4.6', 'buy 1 5960P @6.4']);
      expect(legsOf('12/19/25 11:02:45#1')).toEqual(['sell 2 6040C @3', 'buy 2 6050C @1.2', 'sell 2 5900P @2.5', 'buy 2 5890P @1.1']);
      expect(legsOf('12/19/25 15:41:12#1')).toEqual(['buy 5 6000C @0.4', 'sell 5 6010C @0.15']);
    });

    it("prices each spread at its Net Price from its legs", () => {
      const net = (comboId: string) =>
        result.executions.filter((e) => e.comboId === comboId).reduce((cents, e) => cents + (e.side === 'sell' ? 1 : -1) * Math.round(Number(e.price) * 100) * Number(e.quantity), 0);
      // Vertical opened: (2.10 − 0.65) × 5 = 7.25 credit, i.e. 1.45 a spread; closed: (0.15 − 0.40) × 5 = −1.25, 0.25 a spread.
      expect(net('12/19/25 09:45:30#1')).toBe(725);
      expect(net('12/19/25 15:41:12#1')).toBe(-125);
      // Fly: −3.10 + 2 × 4.60 − 6.40 = −0.30 debit; condor: (3.00 − 1.20 + 2.50 − 1.10) × 2 = 6.40, 3.20 a condor.
      expect(net('12/19/25 10:15:00#1')).toBe(-30);
      expect(net('12/19/25 11:02:45#1')).toBe(640);
    });

    it('reads the legs as SPX options expiring 19 Dec 2025, at New York time (EST)', () => {
      expect(result.executions.at(-1)).toMatchObject({
        // 09:45:30 EST = 14:45:30 UTC.
        executedAt: Date.UTC(2025, 11, 19, 14, 45, 30),
        instrument: { kind: 'option', underlying: 'SPX', symbol: 'SPX   251219C06010000', multiplier: '100', expiry: '2025-12-19', strike: '6010', right: 'C' },
        positionEffect: 'open',
      });
    });
  });

  it('reads a winter time as EST (UTC-5)', () => {
    const text = `Account Trade History\n${HEADER}\n,12/1/25 10:00:00,SINGLE,BUY,+1,TO OPEN,SPY,19 DEC 25,600,CALL,5.25,5.25,LMT\n`;
    expect(importThinkorswim(text).executions[0]).toMatchObject({ executedAt: Date.UTC(2025, 11, 1, 15, 0, 0), instrument: { symbol: 'SPY   251219C00600000' } });
  });

  it('skips a leg without a price and a leg without a spread, naming the line', () => {
    const text = `Account Trade History\n${HEADER}\n,,,SELL,-2,TO OPEN,SPY,17 APR 26,505,CALL,1.10,,\n,1/2/26 10:00:00,BUTTERFLY,BUY,+1,TO OPEN,SPY,17 APR 26,500,CALL,~,DEBIT,LMT\n`;
    expect(importThinkorswim(text).skipped).toEqual([
      { line: 3, reason: 'spread leg without a first row' },
      { line: 4, reason: 'bad Price "~"' },
    ]);
  });

  it('closes an expired option at 0 as an expiration, the Qty sign giving the side', () => {
    const text = `Account Trade History\n${HEADER}\n,4/21/26 16:00:00,SINGLE,,-1,EXPIRED,SPX,21 APR 26,7080,PUT,0.00,0.00,\n`;
    expect(importThinkorswim(text).executions[0]).toMatchObject({ event: 'expiration', side: 'sell', positionEffect: 'close', quantity: '1', price: '0' });
  });

  it('skips a row the shared execution schema refuses, naming the field', () => {
    const text = `Account Trade History\n${HEADER}\n,1/2/26 10:00:00,STOCK,BUY,+100,TO OPEN,,,,STOCK,120.50,120.50,LMT\n`;
    expect(importThinkorswim(text).skipped).toEqual([{ line: 3, reason: 'invalid instrument.underlying: Too small: expected string to have >=1 characters' }]);
  });

  it('skips a row whose date is not a calendar date', () => {
    const text = `Account Trade History\n${HEADER}\n,2/30/26 10:00:00,STOCK,BUY,+100,TO OPEN,NVDA,,,STOCK,120.50,120.50,LMT\n`;
    expect(importThinkorswim(text).skipped).toEqual([{ line: 3, reason: 'bad date "2/30/26 10:00:00"' }]);
  });
});
