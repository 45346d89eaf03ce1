import { JOURNAL_IMPORT_MAX_BYTES, type ImportFormat, type ImportResultDto } from '@marketswarm/shared/dto';

/** The import wizard's rules, apart from React: which file is acceptable, what a preview is still valid for. */

/** Why a chosen file cannot be sent, or undefined. The journal refuses files over its limit with a 413; saying so here saves the upload. */
export function fileProblem(file: { name: string; size: number }): string | undefined {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > JOURNAL_IMPORT_MAX_BYTES) return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MiB; the journal takes at most ${JOURNAL_IMPORT_MAX_BYTES / 1024 / 1024} MiB.`;
  return undefined;
}

export interface ImportChoice {
  logId: string;
  file: { name: string; size: number; lastModified: number } | undefined;
  broker: ImportFormat | undefined;
  timeZone: string;
  /** How a generic CSV is read (its mapping or saved id, its header row); absent for the other formats. */
  mapping?: string | undefined;
}

/** A preview belongs to exactly the choices it was made with; any change asks for a new one before committing. */
export const choiceKey = (choice: ImportChoice): string =>
  JSON.stringify([choice.logId, choice.file?.name, choice.file?.size, choice.file?.lastModified, choice.broker ?? 'auto', choice.timeZone, choice.broker === 'generic-csv' ? (choice.mapping ?? '') : '']);

export function canCommit(previewedKey: string | undefined, preview: ImportResultDto | undefined, currentKey: string): boolean {
  return preview !== undefined && preview.dryRun && previewedKey === currentKey && preview.executions > 0;
}

/** The preview's sentence: what a commit would do. */
export function previewSentence(preview: ImportResultDto): string {
  const parts = [`${preview.executions} new fill${preview.executions === 1 ? '' : 's'}`, `${preview.trades} trade${preview.trades === 1 ? '' : 's'} created or changed`];
  if (preview.duplicates > 0) parts.push(`${preview.duplicates} already imported`);
  if (preview.skipped.length > 0) parts.push(`${preview.skipped.length} row${preview.skipped.length === 1 ? '' : 's'} skipped`);
  if (preview.unmatched.length > 0) parts.push(`${preview.unmatched.length} closing fill${preview.unmatched.length === 1 ? '' : 's'} without an opening`);
  return parts.join(', ');
}

/** Detection found no format it knows (the journal's 422 `unknown export format`): the trader can still map the columns. */
export function isUnknownFormat(error: { status?: number; message: string } | null, broker: ImportFormat | undefined): boolean {
  return broker === undefined && error !== null && error.status === 422 && /unknown export format/i.test(error.message);
}

/** The journal counts lines of the file it was sent; with the preamble left out, `shift` lines put them back where the trader's file has them. */
export function shiftLines(result: ImportResultDto, shift: number): ImportResultDto {
  if (shift === 0) return result;
  const move = (rows: ImportResultDto['skipped']) => rows.map((row) => ({ ...row, line: row.line > 0 ? row.line + shift : row.line }));
  return { ...result, skipped: move(result.skipped), unmatched: move(result.unmatched) };
}
