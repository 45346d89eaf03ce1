import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSchwab, SCHWAB_COLUMNS } from './schwab.importer.js';

const sample = readFileSync(new URL('./fixtures/ok/schwab_transactions_constructed.csv', import.meta.url), 'utf8');
const HEADER = SCHWAB_COLUMNS.map((c) => `"${c}"`).join(',');

describe(importSchwab.name, () => {
  const result = importSchwab(sample);
  const cents = (text: string) => Math.round(Number(text) * 100);

  it('reads the trades below the title line and lists the cash rows and the total as not trades', () => {
    expect(result.executions.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(result.skipped).toEqual([
      { line: 13, reason: 'not a trade: Action "Qualified Dividend"' },
      { line: 14, reason: 'not a trade: Action "MoneyLink Transfer"' },
      { line: 15, reason: 'not a trade: "Transactions Total"' },
    ]);
  });

  it('reads the SPXW iron condor legs with their side and effect from the Action', () => {
    expect(result.executions.slice(0, 8).map((e) => `${e.event} ${e.side} ${e.positionEffect} ${e.quantity} ${e.instrument.strike}${e.instrument.right ?? ''} @${e.price}`)).toEqual([
      'expiration sell close 2 5950P @0', // Quantity -2: the long put given up
      'expiration buy close 2 5960P @0', // Quantity 2: the short put taken back
      'fill buy close 2 6060C @0.35',
      'fill sell close 2 6070C @0.1',
      'fill sell open 2 6060C @1.85',
      'fill buy open 2 6070C @0.9',
      'fill sell open 2 5960P @1.6',
      'fill buy open 2 5950P @0.95',
    ]);
    expect(result.executions[0]?.instrument).toEqual({ kind: 'option', underlying: 'SPX', symbol: 'SPXW  251219P05950000', multiplier: '100', expiry: '2025-12-19', strike: '5950', right: 'P' });
  });

  it("prices the condor to the Amount column: (sells − buys) × 100 − fees = $262.08", () => {
    const options = result.executions.filter((e) => e.instrument.kind === 'option');
    // Calls: (1.85 − 0.90) × 200 + (0.10 − 0.35) × 200 = 190 − 50 = 140; puts: (1.60 − 0.95) × 200 = 130, expired at 0.
    const gross = options.reduce((sum, e) => sum + (e.side === 'sell' ? 1 : -1) * cents(e.price) * Number(e.quantity) * 100, 0);
    const fees = options.reduce((sum, e) => sum + cents(e.fees.commission), 0); // 6 fills × $1.32
    expect(gross).toBe(27_000); // cents: $270.00
    expect(fees).toBe(792);
    // The Amount column of rows 5 to 10: −71.32 + 18.68 + 368.68 − 181.32 + 318.68 − 191.32.
    expect(gross - fees).toBe(26_208); // $262.08
  });

  it('dates an expiration at its as-of day and a trade at midnight New York time: the export has no time of day', () => {
    expect(result.executions[0]).toMatchObject({ localTime: '12/19/2025', executedAt: Date.UTC(2025, 11, 19, 5, 0, 0), timeZone: 'America/New_York' });
    expect(result.executions[0]?.fees).toEqual({ commission: '0', exchangeFee: '0', clearingFee: '0' });
  });

  it("reads a stock Buy and Sell with effect 'unknown', the Fees & Comm as commission", () => {
    expect(result.executions.slice(8).map((e) => [e.side, e.positionEffect, e.quantity, e.price, e.fees.commission, e.instrument.kind, e.instrument.symbol])).toEqual([
      ['sell', 'unknown', '50', '182.4', '0.03', 'stock', 'NVDA'],
      ['buy', 'unknown', '50', '178.1', '0', 'stock', 'NVDA'],
    ]);
  });

  it('reads a file without the title line, and names a bad price or symbol', () => {
    const text = [
      HEADER,
      '"12/19/2025","Buy to Open","SPXW 12/19/2025 5950.00 P","PUT","2","$0.95","$1.32","-$191.32"',
      '"12/19/2025","Buy to Open","SPXW 12/19/2025 5950.00 P","PUT","2","n/a","$1.32","-$191.32"',
      '"12/19/2025","Buy","","?","2","$1.00","",""',
      '"12/32/2025","Buy","NVDA","NVIDIA CORP","2","$1.00","",""',
    ].join('\n');
    const parsed = importSchwab(text);
    expect(parsed.executions).toHaveLength(1);
    expect(parsed.skipped).toEqual([
      { line: 3, reason: 'bad Price "n/a"' },
      { line: 4, reason: 'no Symbol' },
      { line: 5, reason: 'bad date "12/32/2025"' },
    ]);
  });
});
