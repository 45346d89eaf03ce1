import type { ImportFormat, ImportSkippedRow, JournalExecution } from '@marketswarm/shared/dto';

/** What every importer returns: bad rows are listed with their line and reason, never thrown. */
export interface ImportResult {
  broker: string;
  /** In file order. */
  executions: JournalExecution[];
  skipped: ImportSkippedRow[];
  /**
   * The file lists its rows newest first (Schwab, E*TRADE, Fidelity). Fills that share one time (a
   * date without a time of day) are stored, and grouped, in the reverse of file order.
   */
  newestFirst?: true;
}

/**
 * Why a whole file was refused. The import route answers `too-large` with 413 and the others with
 * 422 (`unknown-format` listing `formats`, the formats recognised).
 */
export type ImportFailureCode = 'empty-file' | 'too-large' | 'unknown-format' | 'malformed-csv' | 'malformed-xml' | 'no-trade-section' | 'needs-mapping';

export interface ImportFailure {
  code: ImportFailureCode;
  message: string;
  formats?: readonly ImportFormat[];
}

export type ImportOutcome = ({ ok: true; format: ImportFormat } & ImportResult) | { ok: false; error: ImportFailure };

/** Thrown inside an importer for a file-level defect and turned into an `ImportFailure` by `importFile`. */
export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** A row-level defect: the importer catches it and lists the row as skipped with this reason. */
export class RowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowError';
  }
}

export interface ImportOptions {
  /** The zone the export's wall-clock times are in (thinkorswim, Tradovate, IBKR, generic); default America/New_York. */
  timeZone?: string;
  /** Futures roots to multipliers, over the built-in table (the user's symbol settings). */
  multipliers?: Readonly<Record<string, string>>;
}
