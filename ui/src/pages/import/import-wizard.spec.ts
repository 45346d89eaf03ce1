import { describe, expect, it } from 'vitest';
import { JOURNAL_IMPORT_MAX_BYTES, type ImportResultDto } from '@marketswarm/shared/dto';
import { canCommit, choiceKey, fileProblem, previewSentence } from './import-wizard';

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
});
