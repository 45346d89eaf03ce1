import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatOf, parseRecording, type RowError } from './recording-parser.js';
import { TickProcess } from './tick-process.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const load = (rel: string) => {
  const file = path.join(fixtures, rel);
  return parseRecording(readFileSync(file, 'utf8'), formatOf(file));
};

/** Every not-ok fixture, named for its defect, with the exact lines it must report. */
const NOT_OK: Record<string, { lines: number[]; message: RegExp; good: number }> = {
  'invalid-json.ndjson': { lines: [2], message: /not valid JSON/, good: 2 },
  'non-positive-price.ndjson': { lines: [2, 3], message: /price .* must be a positive number/, good: 2 },
  'lower-case-symbol.csv': { lines: [3], message: /symbol "spx" must be an upper-case ticker/, good: 2 },
  'invalid-timestamp.csv': { lines: [3], message: /timestamp "yesterday" is not epoch ms or an ISO 8601 date/, good: 2 },
  'out-of-order.ndjson': { lines: [2], message: /earlier than the previous row/, good: 2 },
  'wrong-column-count.csv': { lines: [3, 4], message: /expected 3 or 4 columns/, good: 2 },
  'missing-fields.ndjson': { lines: [2, 3, 4], message: /price undefined|must be a JSON object|size -1/, good: 2 },
};

describe(parseRecording.name, () => {
  it('reads the shipped sample recording: 300 ticks, no errors, 6 symbols, one second apart', () => {
    const { ticks, errors } = load('ok/sample-spx-session.ndjson');
    expect(errors).toEqual([]);
    expect(ticks).toHaveLength(300);
    expect(new Set(ticks.map((t) => t.symbol))).toEqual(new Set(['SPX', 'NDX', 'RUT', 'VIX', 'SPY', 'QQQ']));
    expect(ticks[6]!.ts - ticks[0]!.ts).toBe(1000);
  });

  it('the sample recording is exactly the simulator with seed 7 from 09:30 New York on 2026-03-02', () => {
    const process = new TickProcess({ seed: 7, symbols: ['SPX', 'NDX', 'RUT', 'VIX', 'SPY', 'QQQ'] });
    const start = Date.UTC(2026, 2, 2, 14, 30);
    const expected = [];
    for (let i = 0; i < 50; i++) for (const [symbol, price] of process.step(1)) expected.push({ ts: start + i * 1000, symbol, price });
    expect(load('ok/sample-spx-session.ndjson').ticks).toEqual(expected);
  });

  it('reads CSV with a header, epoch-ms and ISO timestamps and an optional size', () => {
    expect(load('ok/mixed-timestamps.csv')).toEqual({
      errors: [],
      ticks: [
        { ts: 1772461800000, symbol: 'SPX', price: 5000.25, size: 3 },
        { ts: 1772461801000, symbol: 'SPX', price: 5001.5 },
        { ts: 1772461802000, symbol: 'SPY', price: 500.1, size: 10 },
      ],
    });
  });

  it('has an assertion for every not-ok fixture', () => {
    expect(readdirSync(path.join(fixtures, 'not-ok')).sort()).toEqual(Object.keys(NOT_OK).sort());
  });

  for (const [file, want] of Object.entries(NOT_OK)) {
    it(`reports ${file} with its line numbers and keeps the good rows`, () => {
      const { ticks, errors } = load(`not-ok/${file}`);
      expect(errors.map((e: RowError) => e.line)).toEqual(want.lines);
      for (const e of errors) expect(e.message).toMatch(want.message);
      expect(ticks).toHaveLength(want.good);
    });
  }

  it('skips blank lines and # comments without counting them as errors, keeping line numbers true', () => {
    const { ticks, errors } = parseRecording('# header\n\n{"ts":1,"symbol":"SPX","price":1}\nnope\n', 'ndjson');
    expect(ticks).toHaveLength(1);
    expect(errors).toEqual([{ line: 4, message: 'not valid JSON' }]);
  });
});
