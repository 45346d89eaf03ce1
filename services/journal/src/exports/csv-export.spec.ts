import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseMicros } from '../database/money.js';
import { executionsToCsv, tradesToCsv } from './csv-export.js';
import { EXPIRY, FILL, FLY, HUGE, LOSER, SAMPLE_TAG_NAMES, STILL_OPEN } from './export-samples.js';

function readCsv(text: string): Record<string, string>[] {
  return parse<Record<string, string>>(text, { bom: true, columns: true });
}

describe('tradesToCsv', () => {
  const text = tradesToCsv([FLY, LOSER, STILL_OPEN, HUGE], { tagNames: SAMPLE_TAG_NAMES });
  const rows = readCsv(text);
  const byId = (id: string): Record<string, string> => rows.find((r) => r['id'] === id) ?? {};

  it('writes a UTF-8 BOM, CRLF records, and one row per trade', () => {
    expect(text.startsWith('\uFEFFid,log_id,symbol,')).toBe(true);
    expect(text.split('\r\n')[1]?.startsWith('trade-fly,log-1,SPXW,butterfly,long,closed,1,')).toBe(true);
    expect(rows.map((r) => r['id'])).toEqual(['trade-fly', 'trade-loser', 'trade-open', 'trade-huge']);
  });

  it('keeps money exact to the micro-dollar: fees 2 × 4 × 0.65 + 0.0125 = 5.2125, net 250 − 5.2125 = 244.7875', () => {
    const fly = byId('trade-fly');
    expect([fly['gross'], fly['fees'], fly['net'], fly['risk']]).toEqual(['250', '5.2125', '244.7875', '150']);
    expect(parseMicros(fly['fees'] ?? '')).toBe(5_212_500);
    expect(byId('trade-huge')['gross']).toBe('1234567890.123456');
  });

  it('leaves a negative P&L numeric (no formula prefix) and writes unknown values as empty cells', () => {
    const loser = byId('trade-loser');
    expect([loser['gross'], loser['net'], loser['risk']]).toEqual(['-11.25', '-12.5', '']);
    const open = byId('trade-open');
    expect([open['status'], open['closed_at_utc'], open['closed_at_local'], open['net'], open['legs'], open['leg_count']]).toEqual(['open', '', '', '-0.65', '', '0']);
  });

  it('writes times in UTC and on the exchange clock with the offset in force (EDT in March, EST in January)', () => {
    const fly = byId('trade-fly');
    expect([fly['opened_at_utc'], fly['opened_at_local'], fly['closed_at_local'], fly['local_time_zone']]).toEqual([
      '2026-03-09T13:30:00.000Z',
      '2026-03-09T09:30:00.000-04:00',
      '2026-03-09T15:45:30.250-04:00',
      'America/New_York',
    ]);
    expect(byId('trade-loser')['opened_at_local']).toBe('2026-01-15T09:30:00.000-05:00');
    expect(tradesToCsv([FLY], { timeZone: 'Europe/London' })).toContain('2026-03-09T13:30:00.000+00:00');
  });

  it("neutralises cells a spreadsheet would run as formulas with a leading ' and keeps quotes, commas, newlines and accents", () => {
    const fly = byId('trade-fly');
    expect(fly['notes']).toBe(`'${FLY.notes}`);
    expect(fly['tags']).toBe('0DTE; =formula tag');
  });

  it('describes every leg in one cell, side first, with open / close prices per unit', () => {
    expect(byId('trade-fly')['leg_count']).toBe('3');
    expect(byId('trade-fly')['legs']).toBe('buy 1 SPXW 2026-03-09 5890C @ 14.5 / 15; sell 2 SPXW 2026-03-09 5900C @ 9.25 / 7.5; buy 1 SPXW 2026-03-09 5910C @ 5.5 / 2.5');
    expect(byId('trade-loser')['legs']).toBe('buy 100 NVDA @ 120 / 119.8875');
    expect(JSON.parse(byId('trade-fly')['market_at_entry'] ?? '')).toEqual({ spot: 5901.25, vix: 14.2 });
  });

  it('writes tag ids when no names are given', () => {
    expect(readCsv(tradesToCsv([FLY]))[0]?.['tags']).toBe('tag-1; tag-2');
  });
});

describe('executionsToCsv', () => {
  const rows = readCsv(executionsToCsv([FILL, EXPIRY]));

  it('keeps a $0.0125 exchange fee exact and sums the fees: 0.65 + 0.0125 + 0.02 = 0.6825', () => {
    const fill = rows[0] ?? {};
    expect([fill['commission'], fill['exchange_fee'], fill['clearing_fee'], fill['total_fees']]).toEqual(['0.65', '0.0125', '0.02', '0.6825']);
    expect(parseMicros(fill['exchange_fee'] ?? '')).toBe(12_500);
    expect([fill['price'], fill['strike'], fill['quantity'], fill['multiplier']]).toEqual(['14.5', '5890', '1', '100']);
  });

  it('writes the instant in UTC and on the exchange clock, and the broker text with the zone it was read in', () => {
    const fill = rows[0] ?? {};
    expect([fill['executed_at_utc'], fill['executed_at_local'], fill['broker_time'], fill['broker_time_zone']]).toEqual([
      '2026-03-09T13:30:00.000Z',
      '2026-03-09T09:30:00.000-04:00',
      '3/9/26 09:30:00',
      'America/New_York',
    ]);
  });

  it("prefixes an account starting with @ and leaves absent ids empty", () => {
    expect(rows[0]?.['account']).toBe("'@acct-1");
    const expiry = rows[1] ?? {};
    expect([expiry['event'], expiry['account'], expiry['order_id'], expiry['combo_id'], expiry['price'], expiry['total_fees']]).toEqual(['expiration', '', '', '', '0', '0']);
  });
});
