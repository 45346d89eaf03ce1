import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.js';
import { IMPORT_MAX_BYTES, importFile } from './import-file.js';

const fixtures = new URL('./fixtures/', import.meta.url);
/** `.gz` fixtures are stored compressed (the oversize file inflates to 10 MiB + 1 byte); the importer sees the inflated bytes. */
const read = (path: string) => {
  const bytes = readFileSync(new URL(path, fixtures));
  return path.endsWith('.gz') ? gunzipSync(bytes) : bytes;
};

type Expected = { error: { code: string; message: string } } | { executions: number; skipped: { line: number; reason: string }[] };
const expected = JSON.parse(read('not-ok/expected.json').toString('utf8')) as Record<string, Expected>;
const notOkFiles = readdirSync(new URL('not-ok/', fixtures)).filter((name) => name !== 'expected.json');

describe(detectFormat.name, () => {
  it.each([
    ['thinkorswim_account_statement_paper_2022-06-21.csv', 'thinkorswim'],
    ['thinkorswim_spreads_constructed.csv', 'thinkorswim'],
    ['thinkorswim_papermoney_trade_history_constructed.csv', 'thinkorswim'],
    ['ibkr_flex_activity_trades_tradetally.xml', 'ibkr-flex-xml'],
    ['ibkr_flex_trades_constructed.csv', 'ibkr-flex-csv'],
    ['tastytrade_cl_future.csv', 'tastytrade'],
    ['tastytrade_mes_lt112.csv', 'tastytrade'],
    ['tradovate_paired_trades_tradetally.csv', 'tradovate-paired'],
    ['tradovate_orders_constructed.csv', 'tradovate-orders'],
    ['schwab_transactions_constructed.csv', 'schwab'],
    ['etrade_transactions_constructed.csv', 'etrade'],
    ['fidelity_accounts_history_constructed.csv', 'fidelity'],
    ['webull_orders_records_options_constructed.csv', 'webull'],
    ['tradestation_orders_constructed.csv', 'tradestation'],
    ['tradenote_template_executions.csv', 'tradenote'],
  ])('recognises ok/%s as %s by its header', (file, format) => {
    expect(detectFormat(read(`ok/${file}`).toString('utf8'))).toEqual({ format });
  });

  it('names every recognised format when the header matches none', () => {
    expect(detectFormat('Date,Symbol,Qty\n2026-01-02,AAPL,1\n')).toEqual({
      format: null,
      recognised: ['thinkorswim', 'ibkr-flex-xml', 'ibkr-flex-csv', 'tastytrade', 'tradovate-paired', 'tradovate-orders', 'schwab', 'etrade', 'fidelity', 'webull', 'tradestation', 'tradenote'],
    });
  });

  it('does not take an XML file other than a Flex report for one', () => {
    expect(detectFormat('<?xml version="1.0"?><rss><channel/></rss>').format).toBeNull();
  });
});

describe(importFile.name, () => {
  it('has an expectation for every not-ok fixture and a fixture for every expectation', () => {
    expect(notOkFiles.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(notOkFiles)('not-ok/%s: refuses the file or skips the row, naming the reason', (file) => {
    const outcome = importFile(read(`not-ok/${file}`));
    const want = expected[file];
    if (want === undefined) throw new Error(`no expectation for ${file}`);
    if ('error' in want) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect({ code: outcome.error.code, message: outcome.error.message }).toEqual(want.error);
    } else {
      expect(outcome.ok).toBe(true);
      if (outcome.ok) {
        expect(outcome.skipped).toEqual(want.skipped);
        expect(outcome.executions).toHaveLength(want.executions);
      }
    }
  });

  it('lists the recognised formats with an unknown format, for the 422 answer', () => {
    const outcome = importFile(read('not-ok/wrong-header.csv'));
    expect(outcome.ok ? null : outcome.error.formats).toEqual(['thinkorswim', 'ibkr-flex-xml', 'ibkr-flex-csv', 'tastytrade', 'tradovate-paired', 'tradovate-orders', 'schwab', 'etrade', 'fidelity', 'webull', 'tradestation', 'tradenote']);
  });

  it('accepts a file of exactly the size limit', () => {
    const header = read('ok/tastytrade_cl_future.csv').toString('utf8').split('\n')[0] ?? '';
    const text = `${header}\n`.padEnd(IMPORT_MAX_BYTES, ' ');
    const outcome = importFile(Buffer.from(text));
    expect(outcome.ok && outcome.executions).toEqual([]);
  });

  it('reads the file in the format the user chose over detection', () => {
    const outcome = importFile(read('ok/tastytrade_cl_future.csv'), { format: 'tradenote' });
    expect(outcome.ok && outcome.broker).toBe('tradenote');
    expect(outcome.ok && outcome.skipped.map((s) => s.reason)).toEqual(['unknown side "" (expected B, S, SS, BC)', 'unknown side "" (expected B, S, SS, BC)']);
  });

  it('reads a file saved with Windows line endings the same way, to the same row hashes', () => {
    const unix = importFile(read('ok/thinkorswim_spreads_constructed.csv'));
    const windows = importFile(read('ok/thinkorswim_spreads_constructed.csv').toString('utf8').replace(/\n/g, '\r\n'));
    expect(windows.ok && windows.executions.map((e) => [e.line, e.rowHash, e.fees])).toEqual(unix.ok && unix.executions.map((e) => [e.line, e.rowHash, e.fees]));
    expect(unix.ok && unix.executions).toHaveLength(11);
  });

  it.each(readdirSync(new URL('ok/', fixtures)))('ok/%s: imports in its detected format, every execution with its own hash, the same on a second import', (file) => {
    const hashes = () => {
      const outcome = importFile(read(`ok/${file}`));
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.executions.map((e) => e.rowHash);
    };
    const first = hashes();
    expect(first.length).toBeGreaterThan(0);
    expect(new Set(first).size).toBe(first.length);
    expect(hashes()).toEqual(first);
  });

  it('gives the same row hashes when the same file is imported again, so a re-import adds nothing', () => {
    const hashes = () => {
      const outcome = importFile(read('ok/thinkorswim_account_statement_paper_2022-06-21.csv'));
      return outcome.ok ? outcome.executions.map((e) => e.rowHash) : [];
    };
    const first = hashes();
    expect(first).toHaveLength(83);
    expect(new Set(first).size).toBe(83);
    expect(hashes()).toEqual(first);
  });
});
