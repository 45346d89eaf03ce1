import { describe, expect, it } from 'vitest';
import { collectCodes, exampleOf, guessHeaderIndex, readCsvRecords, sampleCsv, SAMPLE_ROWS } from './csv-sample';

describe(readCsvRecords.name, () => {
  it('reads quoted fields with commas, doubled quotes and line breaks inside them', () => {
    const text = 'Symbol,Note,Qty\r\n"SPY","bought, then ""scaled""",10\r\nQQQ,"two\nlines",5\r\n';
    expect(readCsvRecords(text, 10)).toEqual([
      { cells: ['Symbol', 'Note', 'Qty'], line: 1, offset: 0 },
      { cells: ['SPY', 'bought, then "scaled"', '10'], line: 2, offset: 17 },
      { cells: ['QQQ', 'two\nlines', '5'], line: 3, offset: 53 },
    ]);
  });

  it('ignores a UTF-8 BOM and trims cells as the journal does', () => {
    const [header] = readCsvRecords('\uFEFF Date , "Side" ,Qty\n', 1);
    expect(header).toEqual({ cells: ['Date', 'Side', 'Qty'], line: 1, offset: 1 });
  });

  it('skips blank lines but keeps counting them, and keeps a quote inside an unquoted field as text', () => {
    const records = readCsvRecords('\n\nA,B\n , \n="123",x\n', 10);
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [3, ['A', 'B']],
      [5, ['="123"', 'x']],
    ]);
  });

  it('stops after the records asked for', () => {
    expect(readCsvRecords('a\nb\nc\nd\n', 2).map((r) => r.cells[0])).toEqual(['a', 'b']);
  });
});

describe(sampleCsv.name, () => {
  const preamble = 'Transactions for account ...1234 as of 12/01/2026\nAccount:,1234\n\nDate,Action,Symbol,Quantity,Price\n12/01/2026,Buy,SPY,10,600.5\n12/01/2026,Sell,SPY,10,601\n';

  it('takes the first row with three or more filled cells as the header, past a preamble', () => {
    const sample = sampleCsv(preamble);
    expect(sample.headerIndex).toBe(2);
    expect(sample.headerLine).toBe(4);
    expect(preamble.slice(sample.headerOffset)).toMatch(/^Date,Action,Symbol/);
    expect(sample.columns).toEqual(['Date', 'Action', 'Symbol', 'Quantity', 'Price']);
    expect(sample.rows.map((row) => row.get('Action'))).toEqual(['Buy', 'Sell']);
  });

  it('lets the trader name another header row among the first ones', () => {
    const sample = sampleCsv(preamble, 1);
    expect(sample.columns).toEqual(['Account:', '1234']);
    expect(sample.candidates.map((c) => c.line)).toEqual([1, 2, 4, 5, 6]);
    expect(guessHeaderIndex(sample.candidates)).toBe(2);
  });

  it('reads a file without preamble from its first line and names columns once', () => {
    const sample = sampleCsv('Date,Qty,Qty,,Price\n2026-12-01,1,2,x,3\n');
    expect(sample.headerLine).toBe(1);
    expect(sample.headerOffset).toBe(0);
    expect(sample.columns).toEqual(['Date', 'Qty', 'Price']);
    // The journal reads the first column of a repeated name.
    expect(sample.rows[0]?.get('Qty')).toBe('1');
  });

  it(`samples at most ${SAMPLE_ROWS} rows under the header`, () => {
    const text = ['Date,Side,Symbol,Qty,Price', ...Array.from({ length: 500 }, (_, i) => `12/01/2026,${i < 300 ? 'B' : 'X'},SPY,1,1`)].join('\n');
    const sample = sampleCsv(text);
    expect(sample.rows).toHaveLength(SAMPLE_ROWS);
    expect(collectCodes(sample, 'Side')).toEqual([{ code: 'B', count: SAMPLE_ROWS }]);
  });
});

describe(collectCodes.name, () => {
  it('lists each side code once, most used first, ties in order of appearance, blanks left out', () => {
    const sample = sampleCsv('Side,Qty,Price\nS,1,1\nB,1,1\nSS,1,1\n,1,1\nB,1,1\nBC,1,1\n');
    expect(collectCodes(sample, 'Side')).toEqual([
      { code: 'B', count: 2 },
      { code: 'S', count: 1 },
      { code: 'SS', count: 1 },
      { code: 'BC', count: 1 },
    ]);
    expect(collectCodes(sample, undefined)).toEqual([]);
    expect(exampleOf(sample, 'Side')).toBe('S');
  });
});
