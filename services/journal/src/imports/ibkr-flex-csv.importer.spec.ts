import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importIbkrFlexXml } from './ibkr-flex.importer.js';
import { importIbkrFlexCsv } from './ibkr-flex-csv.importer.js';
import { ImportFileError } from './import-result.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/ok/${name}`, import.meta.url), 'utf8');

describe(importIbkrFlexCsv.name, () => {
  const csv = importIbkrFlexCsv(fixture('ibkr_flex_trades_constructed.csv'));

  it('reads the Trades section and passes over the control rows and the Open Positions section', () => {
    expect(csv.skipped).toEqual([]);
    expect(csv.executions.map((e) => [e.line, e.instrument.symbol, e.side, e.quantity, e.price, e.fees.commission, e.orderId])).toEqual([
      [9, 'GOLD', 'buy', '691', '43.1', '3.455', 'ORD00001'],
      [10, 'GOLD', 'sell', '100', '44.19', '1.1108314', 'ORD00002'],
      [11, 'AAPL', 'buy', '103', '300', '1.000309', 'ORD00003'],
      [12, 'AAPL', 'buy', '137', '300', '0.200411', 'ORD00003'],
    ]);
  });

  it('reads the same rows, lines and hashes from a file saved with Windows line endings', () => {
    const crlf = importIbkrFlexCsv(fixture('ibkr_flex_trades_constructed.csv').replace(/\r?\n/g, '\r\n'));
    expect(crlf).toEqual(csv);
  });

  it('reads a quoted field that spans lines, counting the lines after it right', () => {
    const text = fixture('ibkr_flex_trades_constructed.csv').replace('"GOLD.COM INC","146266831","GOLD","TRD00001"', '"GOLD.COM\nINC","146266831","GOLD","TRD00001"');
    const result = importIbkrFlexCsv(text);
    expect(result.executions.map((e) => e.line)).toEqual([10, 11, 12, 13]);
    expect(result.skipped).toEqual([]);
  });

  it('gives the same executions and row hashes as the XML report of the same trades, so importing both adds nothing twice', () => {
    const xml = importIbkrFlexXml(fixture('ibkr_flex_activity_trades_tradetally.xml'));
    const withoutLine = (executions: typeof csv.executions) => executions.map(({ line: _line, ...rest }) => rest);
    expect(withoutLine(csv.executions)).toEqual(withoutLine(xml.executions));
  });

  it('reads a file without control rows, after a MSG row, with an option leg', () => {
    const text = [
      '"MSG","Realized P/L is not ready and has been disabled for this statement."',
      '"ClientAccountID","AssetClass","Symbol","UnderlyingSymbol","Multiplier","Strike","Expiry","Put/Call","DateTime","Quantity","TradePrice","IBCommission","Buy/Sell","Open/CloseIndicator","IBOrderID","IBExecID","LevelOfDetail"',
      '"U7654321","OPT","SPY   260417C00500000","SPY","100","500","20260417","C","20260102;100000","1","3.2","-0.65","BUY","O","77","e.1","EXECUTION"',
      '"U7654321","OPT","SPY   260417C00500000","SPY","100","500","20260417","C","20260102;100000","1","3.2","-0.65","BUY","O","77","","ORDER"',
    ].join('\n');
    const result = importIbkrFlexCsv(text);
    expect(result.executions[0]).toMatchObject({
      instrument: { kind: 'option', underlying: 'SPY', symbol: 'SPY   260417C00500000', expiry: '2026-04-17', strike: '500', right: 'C', multiplier: '100' },
      positionEffect: 'open',
      fees: { commission: '0.65', exchangeFee: '0', clearingFee: '0' },
      line: 3,
    });
    expect(result.skipped).toEqual([{ line: 4, reason: 'levelOfDetail ORDER: only EXECUTION rows are imported' }]);
  });

  it('refuses a Flex CSV without a Trades section', () => {
    expect(() => importIbkrFlexCsv('"ClientAccountID","CurrencyPrimary","StartingValue"\n"U1","USD","1"\n')).toThrow(ImportFileError);
  });
});
