import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importIbkrFlexXml } from './ibkr-flex.importer.js';

const sample = readFileSync(new URL('./fixtures/ok/ibkr_flex_activity_trades_tradetally.xml', import.meta.url), 'utf8');

const flex = (trades: string) =>
  `<FlexQueryResponse queryName="q" type="AF">\n<FlexStatements count="1">\n<FlexStatement accountId="U7654321">\n<Trades>\n${trades}\n</Trades>\n</FlexStatement>\n</FlexStatements>\n</FlexQueryResponse>\n`;

describe(importIbkrFlexXml.name, () => {
  describe('the Activity Flex sample (4 stock executions, one order filled in two parts)', () => {
    const result = importIbkrFlexXml(sample);

    it('reads the four Trade rows and ignores the open positions', () => {
      expect(result.skipped).toEqual([]);
      expect(result.executions.map((e) => [e.line, e.instrument.symbol, e.side, e.quantity, e.price])).toEqual([
        [8, 'GOLD', 'buy', '691', '43.1'],
        [9, 'GOLD', 'sell', '100', '44.19'], // quantity="-100" with buySell="SELL"
        [10, 'AAPL', 'buy', '103', '300'],
        [11, 'AAPL', 'buy', '137', '300'],
      ]);
    });

    it('keeps the two partial fills of ORD00003 as two executions of the same order', () => {
      const fills = result.executions.filter((e) => e.orderId === 'ORD00003');
      expect(fills.map((e) => [e.executionId, e.quantity, e.comboId])).toEqual([
        ['EXEC00003', '103', 'ORD00003'],
        ['EXEC00004', '137', 'ORD00003'],
      ]);
      // 103 + 137 = 240 shares at 300: $72,000 for the order.
      expect(fills.reduce((sum, e) => sum + Number(e.quantity) * Number(e.price), 0)).toBe(72_000);
    });

    it('keeps commissions to the fraction of a cent, as costs (IBKR signs them negative)', () => {
      // ibCommission="-3.455", "-1.1108314", "-1.000309", "-0.200411"
      expect(result.executions.map((e) => e.fees.commission)).toEqual(['3.455', '1.1108314', '1.000309', '0.200411']);
    });

    it('reads dateTime as US Eastern by default: 20260126;115715 EST is 16:57:15 UTC, 20260615;130207 EDT is 17:02:07 UTC', () => {
      expect(result.executions[0]).toMatchObject({ account: 'U1234567', executedAt: Date.UTC(2026, 0, 26, 16, 57, 15), localTime: '20260126;115715', timeZone: 'America/New_York' });
      expect(result.executions[1]?.executedAt).toBe(Date.UTC(2026, 5, 15, 17, 2, 7));
    });

    it('hashes by account and execution id, so the same execution in another Flex query gets the same hash', () => {
      const trimmed = sample.replace(/ description="[^"]*"/g, '');
      expect(importIbkrFlexXml(trimmed).executions.map((e) => e.rowHash)).toEqual(result.executions.map((e) => e.rowHash));
    });
  });

  it('reads an SPXW option with its OCC fields and a fee breakdown by kind', () => {
    const xml = flex(
      '<Trade accountId="U7654321" currency="USD" assetCategory="OPT" symbol="SPXW  260320P05800000" underlyingSymbol="SPX" multiplier="100" strike="5800" expiry="20260320" putCall="P" dateTime="20260319;103000" quantity="-2" tradePrice="4.35" buySell="SELL" openCloseIndicator="O" brokerExecutionCommission="-1.3" brokerClearingCommission="-0.04" thirdPartyExecutionCommission="-1.2" thirdPartyRegulatoryCommission="-0.0125" thirdPartyClearingCommission="0" ibCommission="-2.5525" ibOrderID="91" ibExecID="0001f4e8.1" levelOfDetail="EXECUTION" />',
    );
    const [execution] = importIbkrFlexXml(xml).executions;
    expect(execution).toMatchObject({
      instrument: { kind: 'option', underlying: 'SPX', symbol: 'SPXW  260320P05800000', multiplier: '100', expiry: '2026-03-20', strike: '5800', right: 'P' },
      side: 'sell',
      positionEffect: 'open',
      quantity: '2',
      price: '4.35',
      // 1.30 + 0.04 + 1.20 + 0.0125 = 2.5525 = -ibCommission.
      fees: { commission: '1.3', clearingFee: '0.04', exchangeFee: '1.2125' },
      line: 5,
    });
  });

  it('reads a future with its multiplier from the report', () => {
    const xml = flex('<Trade accountId="U7654321" currency="USD" assetCategory="FUT" symbol="MESM6" underlyingSymbol="MES" multiplier="5" expiry="20260618" dateTime="20260319;103000" quantity="1" tradePrice="5650.25" buySell="BUY" ibCommission="-0.62" ibOrderID="92" ibExecID="x.2" levelOfDetail="EXECUTION" />');
    expect(importIbkrFlexXml(xml).executions[0]?.instrument).toEqual({ kind: 'future', underlying: 'MES', symbol: 'MESM6', multiplier: '5', expiry: '2026-06-18', strike: null, right: null });
  });

  it('skips order-level summaries, cancellations and bad dates, naming the line', () => {
    const xml = flex(
      [
        '<Trade accountId="U7654321" assetCategory="STK" symbol="AAPL" dateTime="20260319;103000" quantity="10" tradePrice="300" buySell="BUY" levelOfDetail="ORDER" />',
        '<Trade accountId="U7654321" assetCategory="STK" symbol="AAPL" dateTime="20260319;103000" quantity="10" tradePrice="300" buySell="BUY (Ca.)" levelOfDetail="EXECUTION" />',
        '<Trade accountId="U7654321" assetCategory="STK" symbol="AAPL" dateTime="20261319;103000" quantity="10" tradePrice="300" buySell="BUY" levelOfDetail="EXECUTION" />',
        '<Trade accountId="U7654321" assetCategory="CASH" symbol="EUR.USD" dateTime="20260319;103000" quantity="10" tradePrice="1.1" buySell="BUY" levelOfDetail="EXECUTION" />',
      ].join('\n'),
    );
    expect(importIbkrFlexXml(xml)).toEqual({
      broker: 'ibkr',
      executions: [],
      skipped: [
        { line: 5, reason: 'levelOfDetail ORDER: only EXECUTION rows are imported' },
        { line: 6, reason: 'buySell "BUY (Ca.)" is not a BUY or SELL execution' },
        { line: 7, reason: 'bad date "20261319;103000"' },
        { line: 8, reason: 'unsupported assetCategory "CASH"' },
      ],
    });
  });
});
