import { describe, expect, it } from 'vitest';
import { adiCsv, adiCsvFileName, adiCsvRows, flattenLeaves, neutralizeFormula } from './adi-csv.js';
import { adiInputs, ADI_NOW } from './adi.fixtures.js';
import { adiSectionOf, buildAdiSnapshot } from './adi-snapshot.builder.js';

const snapshot = buildAdiSnapshot(adiInputs());

describe(flattenLeaves.name, () => {
  it('names each leaf by its dotted path, array items by index, null as an empty value', () => {
    expect(flattenLeaves({ a: 1, b: { c: [10, 20], d: null }, e: 'x', f: true })).toEqual([
      ['a', '1'],
      ['b.c.0', '10'],
      ['b.c.1', '20'],
      ['b.d', ''],
      ['e', 'x'],
      ['f', 'true'],
    ]);
  });

  it('writes a missing section as one empty row under the section', () => {
    expect(flattenLeaves(null)).toEqual([['', '']]);
  });
});

describe(adiCsvRows.name, () => {
  it('starts with the header under meta and writes only the sections present', () => {
    const rows = adiCsvRows(adiSectionOf(snapshot, 'session'));
    expect(rows).toEqual([
      ['meta', 'schema.id', 'marketswarm.adi'],
      ['meta', 'schema.version', '1'],
      ['meta', 'symbol', 'SPX'],
      ['meta', 'dte', '0'],
      ['meta', 'generatedAt', String(ADI_NOW)],
      ['session', 'phase', 'midday'],
      ['session', 'date', '2026-12-07'],
      ['session', 'time', '10:42'],
      ['session', 'minutesToClose', '333'],
      ['session', 'closesAt', '16:15'],
    ]);
  });
});

describe(neutralizeFormula.name, () => {
  it('makes a formula typed into a position name literal text, and leaves negative numbers alone', () => {
    expect(neutralizeFormula('=HYPERLINK("https://evil.example")')).toBe('\'=HYPERLINK("https://evil.example")');
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('-12.5')).toBe('-12.5');
    expect(neutralizeFormula('Pin fly')).toBe('Pin fly');
  });
});

describe(adiCsv.name, () => {
  it('writes a section,field,value header and quotes what needs it', () => {
    const book = adiInputs().book;
    const named = buildAdiSnapshot(adiInputs({ book: { ...book, savedPositions: book.savedPositions.map((p) => ({ ...p, name: '=cmd, "fly"' })) } }));
    const csv = adiCsv(adiSectionOf(named, 'user'));
    expect(csv.split('\n')[0]).toBe('section,field,value');
    expect(csv).toContain('user,savedPositions.0.name,"\'=cmd, ""fly"""\n');
    expect(csv).toContain('user,savedPositions.0.pnl,-210\n');
  });
});

describe(adiCsvFileName.name, () => {
  it('stamps the file with the New York time of the snapshot', () => {
    expect(adiCsvFileName('SPX', ADI_NOW)).toBe('adi-SPX-20261207-1042.csv');
    expect(adiCsvFileName('SPX', ADI_NOW, 'gamma')).toBe('adi-SPX-gamma-20261207-1042.csv');
  });
});
