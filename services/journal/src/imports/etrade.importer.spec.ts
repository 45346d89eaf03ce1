import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ETRADE_COLUMNS, importEtrade } from './etrade.importer.js';

const sample = readFileSync(new URL('./fixtures/ok/etrade_transactions_constructed.csv', import.meta.url), 'utf8');

describe(importEtrade.name, () => {
  const result = importEtrade(sample);
  const cents = (text: string) => Math.round(Number(text) * 100);

  it('reads the rows below the account line and lists the cash rows as not trades', () => {
    expect(result.executions.map((e) => e.line)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(result.skipped).toEqual([
      { line: 11, reason: 'not a trade: TransactionType "Dividend"' },
      { line: 12, reason: 'not a trade: TransactionType "Transfer"' },
    ]);
  });

  it('reads the option from the Description and the side and effect from the TransactionType', () => {
    expect(result.executions.map((e) => `${e.event} ${e.side} ${e.positionEffect} ${e.quantity} ${e.instrument.symbol} @${e.price}`)).toEqual([
      'expiration sell close 3 SPY   251219P00670000 @0', // Quantity -3: the long puts given up
      'fill sell close 2 SPY   251219C00680000 @2.41',
      'fill buy open 2 SPY   251219C00680000 @1.8',
      'fill buy open 3 SPY   251219P00670000 @0.65',
      'fill buy close 10 TSLA @451.25', // Bought To Cover
      'fill sell open 10 TSLA @459.9', // Sold Short
    ]);
  });

  it('agrees with the Amount column: price × quantity × multiplier, less or plus the commission', () => {
    for (const e of result.executions.filter((x) => x.event === 'fill')) {
      const amount = cents(sample.split('\n')[e.line - 1]?.split(',')[5] ?? '');
      const gross = cents(e.price) * Number(e.quantity) * Number(e.instrument.multiplier);
      // 2 × 2.41 × 100 = 482.00 − 1.30 = 480.70; 3 × 0.65 × 100 = 195.00 + 1.95 = −196.95 …
      expect(amount).toBe(e.side === 'sell' ? gross - cents(e.fees.commission) : -(gross + cents(e.fees.commission)));
    }
  });

  it('nets the call +$119.40 and the expired put −$196.95 after commissions', () => {
    const net = (symbol: string) =>
      result.executions.filter((e) => e.instrument.symbol === symbol).reduce((sum, e) => sum + (e.side === 'sell' ? 1 : -1) * cents(e.price) * Number(e.quantity) * 100 - cents(e.fees.commission), 0);
    expect(net('SPY   251219C00680000')).toBe(11_940); // (2.41 − 1.80) × 200 − 2 × 1.30
    expect(net('SPY   251219P00670000')).toBe(-19_695); // −0.65 × 300 − 1.95, expired at 0
  });

  it('dates a row at midnight New York time of its TransactionDate (the export has no time)', () => {
    expect(result.executions[1]).toMatchObject({ broker: 'etrade', localTime: '12/19/25', executedAt: Date.UTC(2025, 11, 19, 5, 0, 0), timeZone: 'America/New_York', account: null, orderId: null });
  });

  it('names a row whose option Description is not a contract, or whose SecurityType is not stock or option', () => {
    const text = [
      ETRADE_COLUMNS.join(',') + ',Description',
      '12/19/25,Bought To Open,OPTN,SPY,1,-100,1,0,SPY WEEKLY OPTION',
      '12/19/25,Bought,MF,VTSAX,1,-100,100,0,VANGUARD TOTAL STOCK MKT',
      '12/19/25,Bought,EQ,AAPL,0,0,100,0,APPLE INC',
    ].join('\n');
    expect(importEtrade(text).skipped).toEqual([
      { line: 2, reason: 'bad Description "SPY WEEKLY OPTION": not an option symbol' },
      { line: 3, reason: 'unsupported SecurityType "MF"' },
      { line: 4, reason: 'Quantity must not be 0' },
    ]);
  });
});
