import { describe, expect, it } from 'vitest';
import { JOURNAL_IMPORT_MAX_BYTES, type ImportResultDto } from '@marketswarm/shared/dto';
import { canCommit, choiceKey, fileProblem, isUnknownFormat, previewSentence, shiftLines } from './import-wizard';

const preview: ImportResultDto = { dryRun: true, broker: 'thinkorswim', format: 'thinkorswim', executions: 42, trades: 9, skipped: [{ line: 17, reason: 'Qty: must be a number' }], duplicates: 3, unmatched: [] };
const choice = { logId: 'L', file: { name: 'tos.csv', size: 1000, lastModified: 1 }, broker: undefined, timeZone: 'America/New_York' };

describe('the import wizard', () => {
  it('refuses empty and oversized files before uploading them', () => {
    expect(fileProblem({ name: 'a.csv', size: 0 })).toBe('a.csv is empty.');
    expect(fileProblem({ name: 'big.csv', size: JOURNAL_IMPORT_MAX_BYTES + 1 })).toContain('at most 10 MiB');
    expect(fileProblem({ name: 'ok.csv', size: JOURNAL_IMPORT_MAX_BYTES })).toBeUndefined();
  });

  it('commits only the preview of exactly the current choices, and only when it adds fills', () => {
    const key = choiceKey(choice);
    expect(canCommit(key, preview, key)).toBe(true);
    for (const changed of [{ ...choice, logId: 'M' }, { ...choice, broker: 'schwab' as const }, { ...choice, timeZone: 'UTC' }, { ...choice, file: { ...choice.file, lastModified: 2 } }]) {
      expect(canCommit(key, preview, choiceKey(changed))).toBe(false);
    }
    expect(canCommit(key, { ...preview, executions: 0 }, key)).toBe(false);
    expect(canCommit(undefined, undefined, key)).toBe(false);
  });

  it('says what a commit would add', () => {
    expect(previewSentence(preview)).toBe('42 new fills, 9 trades created or changed, 3 already imported, 1 row skipped');
    expect(previewSentence({ ...preview, executions: 1, trades: 1, duplicates: 0, skipped: [], unmatched: [{ line: 4, reason: 'no opening' }] })).toBe('1 new fill, 1 trade created or changed, 1 closing fill without an opening');
  });

  it('asks for a new preview when the generic CSV is read through another mapping', () => {
    const generic = { ...choice, broker: 'generic-csv' as const, mapping: '[{"mappingId":"m1"},0]' };
    const key = choiceKey(generic);
    expect(canCommit(key, preview, choiceKey({ ...generic, mapping: '[{"mapping":{}},0]' }))).toBe(false);
    expect(canCommit(key, preview, choiceKey({ ...generic }))).toBe(true);
  });

  it('offers the column mapping only when detection failed', () => {
    const unknown = { status: 422, message: '422: unknown export format; recognised: thinkorswim' };
    expect(isUnknownFormat(unknown, undefined)).toBe(true);
    expect(isUnknownFormat(unknown, 'schwab')).toBe(false);
    expect(isUnknownFormat({ status: 422, message: '422: malformed CSV: quote' }, undefined)).toBe(false);
    expect(isUnknownFormat(null, undefined)).toBe(false);
  });

  it('puts the preamble lines back into the line numbers of skipped rows', () => {
    const shifted = shiftLines({ ...preview, unmatched: [{ line: 0, reason: 'unknown line' }] }, 3);
    expect(shifted.skipped).toEqual([{ line: 20, reason: 'Qty: must be a number' }]);
    expect(shifted.unmatched).toEqual([{ line: 0, reason: 'unknown line' }]);
  });
});
