import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDecimals, negateDecimal, parseDecimal } from './decimal.js';
import { importGenericCsv } from './generic-csv.importer.js';
import { genericCsvMappingSchema, TRADENOTE_MAPPING } from './generic-csv.mapping.js';

const sample = readFileSync(new URL('./fixtures/ok/tradenote_template_executions.csv', import.meta.url), 'utf8');

describe(importGenericCsv.name, () => {
  describe('with the TradeNote template mapping', () => {
    const result = importGenericCsv(sample, TRADENOTE_MAPPING);

    it('reads all 15 executions', () => {
      expect(result.skipped).toEqual([]);
      expect(result.executions).toHaveLength(15);
      expect(result.broker).toBe('tradenote');
    });

    it('reads the side codes: SS sells to open, BC buys to close, B and S leave the effect unknown', () => {
      expect(result.executions.map((e) => `${e.side} ${e.positionEffect}`).slice(0, 2)).toEqual(['sell open', 'buy close']);
      expect(result.executions.map((e) => `${e.side} ${e.positionEffect}`).slice(13)).toEqual(['buy unknown', 'sell unknown']);
    });

    it('adds SEC and TAF exactly: 0.06 + 0.01 = 0.07, the gap between Gross 2494 and Net 2493.93 Proceeds', () => {
      expect(result.executions[0]).toMatchObject({
        account: 'XY000001',
        // 08/08/2022 09:47:59 EDT = 13:47:59 UTC.
        executedAt: Date.UTC(2022, 7, 8, 13, 47, 59),
        localTime: '08/08/2022 09:47:59',
        instrument: { kind: 'stock', symbol: 'RBLX', multiplier: '1' },
        quantity: '50',
        price: '49.88',
        fees: { commission: '0', exchangeFee: '0.07', clearingFee: '0' },
        line: 2,
      });
    });

    it('matches every row: Gross − Net Proceeds = its fees', () => {
      const rows = sample.trim().split('\n').slice(1).map((row) => row.split(','));
      expect(result.executions.map((e) => addDecimals(e.fees.commission, e.fees.exchangeFee, e.fees.clearingFee))).toEqual(
        rows.map((cells) => addDecimals(parseDecimal(cells[17] ?? '') ?? 'NaN', negateDecimal(parseDecimal(cells[18] ?? '') ?? 'NaN'))),
      );
    });
  });

  it('reads any export through a mapping the user writes: ISO dates, summed fee columns, futures multipliers', () => {
    const mapping = genericCsvMappingSchema.parse({
      name: 'my-broker',
      columns: { date: 'When', symbol: 'Contract', side: 'B/S', quantity: 'Qty', price: 'Fill', orderId: 'Order', kind: 'Asset', commission: ['Comm'], exchangeFee: ['Exch', 'NFA'] },
      dateFormat: 'YYYY-MM-DD',
      sides: { Buy: { side: 'buy', positionEffect: 'open' }, Sell: { side: 'sell', positionEffect: 'close' } },
      kinds: { FUT: 'future' },
    });
    const text = 'When,Contract,B/S,Qty,Fill,Order,Asset,Comm,Exch,NFA\n2026-03-02 09:31:05,ESH6,Buy,2,5801.25,A1,FUT,0.59,1.38,0.02\n2026-03-02 09:45:00,ESH6,Hold,2,5803.5,A2,FUT,0.59,1.38,0.02\n';
    const result = importGenericCsv(text, mapping, { timeZone: 'America/Chicago' });
    expect(result.executions[0]).toMatchObject({
      broker: 'my-broker',
      orderId: 'A1',
      // 09:31:05 CST (US DST starts 8 March 2026) = 15:31:05 UTC.
      executedAt: Date.UTC(2026, 2, 2, 15, 31, 5),
      instrument: { kind: 'future', underlying: '/ES', symbol: 'ESH6', multiplier: '50' },
      fees: { commission: '0.59', exchangeFee: '1.4', clearingFee: '0' },
    });
    expect(result.skipped).toEqual([{ line: 3, reason: 'unknown side "Hold" (expected Buy, Sell)' }]);
  });
});
