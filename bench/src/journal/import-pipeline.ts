import type { NewExecution } from '@marketswarm/journal/dist/executions/executions.repository.js';
import type { JournalDb } from '@marketswarm/journal/dist/database/index.js';
import { importFile } from '@marketswarm/journal/dist/imports/index.js';
import { fillsFromImport } from '@marketswarm/journal/dist/ingest/execution-from-import.js';
import { LogIngest } from '@marketswarm/journal/dist/ingest/log-ingest.js';
import type { Kysely } from 'kysely';

/** What one import run carries from step to step. */
export interface ImportRun {
  file: string;
  fileName: string;
  userId: string;
  logId: string;
  db: Kysely<JournalDb>;
  fills: NewExecution[];
  inserted: number;
  /** What the steps report (rows read, rows skipped, fills written…). */
  counts: Record<string, number>;
}

export interface ImportStep {
  name: string;
  run(run: ImportRun): Promise<void> | void;
}

/** importFile() detects the format and reads every row; the fills are converted to storage micros as the import route does. */
const parseExport: ImportStep = {
  name: 'parse',
  run(run) {
    const outcome = importFile(run.file);
    if (!outcome.ok) throw new Error(`the generated export was refused: ${outcome.error.message}`);
    if (outcome.skipped.length > 0) throw new Error(`the generated export had skipped rows, first: line ${outcome.skipped[0]?.line} ${outcome.skipped[0]?.reason}`);
    const { fills, skipped } = fillsFromImport(outcome, run.fileName);
    if (skipped.length > 0) throw new Error(`the generated export had unstorable rows, first: line ${skipped[0]?.line} ${skipped[0]?.reason}`);
    run.fills = fills;
    run.counts['rows'] = outcome.executions.length;
  },
};

/**
 * The whole commit the import route makes, in its one transaction: the fills inserted, the log's
 * trades regrouped from all its fills, and the new trades with their legs written (no market
 * stamp: the bench has no market Redis, and a stamp is one Redis read per trade).
 */
const commitImport: ImportStep = {
  name: 'insert + group + write trades',
  async run(run) {
    const outcome = await new LogIngest(run.db).commit(run.userId, run.logId, run.fills, { grouping: { costBasis: 'fifo' } });
    if (!outcome) throw new Error('the log is not the bench user’s');
    run.inserted = outcome.executions;
    run.counts['inserted'] = outcome.executions;
    run.counts['trades'] = outcome.trades;
  },
};

/** Steps before the transaction. */
export const PARSE_STEPS: ImportStep[] = [parseExport];
/** The commit, one transaction of its own (LogIngest opens it): nothing is half-imported. */
export const COMMIT_STEPS: ImportStep[] = [commitImport];

export interface ImportTimings {
  /** Milliseconds per step name, and `total`. */
  [step: string]: number;
}

/** One import of `file` into the log, each step timed. */
export async function runImport(db: Kysely<JournalDb>, run: Omit<ImportRun, 'db' | 'fills' | 'inserted' | 'counts'>): Promise<{ timings: ImportTimings; counts: Record<string, number> }> {
  const state: ImportRun = { ...run, db, fills: [], inserted: 0, counts: {} };
  const timings: ImportTimings = {};
  const started = performance.now();
  for (const step of [...PARSE_STEPS, ...COMMIT_STEPS]) {
    const t0 = performance.now();
    await step.run(state);
    timings[step.name] = performance.now() - t0;
  }
  timings['total'] = performance.now() - started;
  return { timings, counts: state.counts };
}
