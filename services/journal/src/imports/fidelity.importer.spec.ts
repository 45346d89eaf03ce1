import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIDELITY_COLUMNS, importFidelity } from './fidelity.importer.js';

const sample = readFileSync(new URL('./fixtures/ok/fidelity_accounts_history_constructed.csv', import.meta.url), 'utf8');

describe(importFidelity.name, () => {
  const result = importFidelity(sample);
  const cents = (text: string) => Math.round(Number(text) * 100);

  it('reads the rows between the blank lines and the disclaimer footer, listing the dividend as not a trade', () => {
    expect(result.executions.map((e) => e.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(result.skipped).toEqual([{ line: 12, reason: 'not a trade: Action "DIVIDEND RECEIVED MICROSOFT CORP (MSFT) (Cash)"' }]);
  });

  it('reads side and effect from the Action, and the option from the Symbol', () => {
    expect(result.executions.map((e) => `${e.event} ${e.side} ${e.positionEffect} ${e.quantity} ${e.instrument.symbol} @${e.price}`)).toEqual([
      'expiration sell close 1 SPXW  251219P05890000 @0', // Quantity -1: the long put given up
      'expiration buy close 1 SPXW  251219P05900000 @0', // Quantity 1: the short put taken back
      'fill sell close 2 SPXW  251219C06050000 @4.25',
      'fill buy open 2 SPXW  251219C06050000 @3.1',
      'fill sell open 1 SPXW  251219P05900000 @1.2',
      'fill buy open 1 SPXW  251219P05890000 @0.8',
      'fill sell unknown 20 NVDA @183.4',
      'fill buy unknown 20 NVDA @180.15',
    ]);
    expect(result.executions[0]?.instrument).toMatchObject({ kind: 'option', underlying: 'SPX', multiplier: '100', expiry: '2025-12-19', strike: '5890', right: 'P' });
  });

  it('keeps Commission ($) and Fees ($) apart, and agrees with the Amount ($) column', () => {
    expect(result.executions[2]?.fees).toEqual({ commission: '1.3', exchangeFee: '0.09', clearingFee: '0' });
    const lines = sample.split('\n');
    for (const e of result.executions.filter((x) => x.event === 'fill')) {
      const amount = cents(lines[e.line - 1]?.split(',').at(-2) ?? '');
      const gross = cents(e.price) * Number(e.quantity) * Number(e.instrument.multiplier);
      const costs = cents(e.fees.commission) + cents(e.fees.exchangeFee);
      // 2 × 4.25 × 100 = 850.00 − 1.30 − 0.09 = 848.61; 1 × 0.80 × 100 = 80.00 + 0.65 + 0.04 = −80.69 …
      expect(amount).toBe(e.side === 'sell' ? gross - costs : -(gross + costs));
    }
  });

  it('nets the put credit spread +$38.62 with both legs expired', () => {
    const spread = result.executions.filter((e) => e.instrument.right === 'P');
    const net = spread.reduce((sum, e) => sum + (e.side === 'sell' ? 1 : -1) * cents(e.price) * Number(e.quantity) * 100 - cents(e.fees.commission) - cents(e.fees.exchangeFee), 0);
    expect(net).toBe(3862); // (1.20 − 0.80) × 100 − 2 × (0.65 + 0.04) = 40.00 − 1.38
  });

  it('dates a row at midnight New York time of its Run Date (the export has no time)', () => {
    expect(result.executions[2]).toMatchObject({ broker: 'fidelity', localTime: '12/19/2025', executedAt: Date.UTC(2025, 11, 19, 5, 0, 0), timeZone: 'America/New_York' });
  });

  it('names an option symbol it cannot read and a missing price', () => {
    const text = [
      FIDELITY_COLUMNS.join(','),
      '12/18/2025,YOU BOUGHT OPENING TRANSACTION CALL (SPXW), -SPXW2512C6050,2,3.10,1.30,0.08,-621.38',
      '12/18/2025,YOU BOUGHT NVIDIA CORPORATION COM (NVDA) (Cash), NVDA,20,,,,-3603.00',
    ].join('\n');
    expect(importFidelity(text).skipped).toEqual([
      { line: 2, reason: 'bad Symbol "-SPXW2512C6050": not an option symbol' },
      { line: 3, reason: 'bad Price ($) ""' },
    ]);
  });
});
