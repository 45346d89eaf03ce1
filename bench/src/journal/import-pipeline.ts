import { ExecutionsRepository, type NewExecution } from '@marketswarm/journal/dist/executions/executions.repository.js';
import type { JournalDb } from '@marketswarm/journal/dist/database/index.js';
import { importFile } from '@marketswarm/journal/dist/imports/index.js';
import { executionFromImport } from '@marketswarm/journal/dist/ingest/execution-from-import.js';
import type { Kysely } from 'kysely';

/** What one import run carries from step to step. */
export interface ImportRun {
  file: string;
  fileName: string;
  userId: string;
  logId: string;
  /** The transaction during `COMMIT_STEPS`, the database before. */
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
    run.fills = outcome.executions.map((e) => executionFromImport(e, run.fileName));
    run.counts['rows'] = outcome.executions.length;
  },
};

const insertExecutions: ImportStep = {
  name: 'insert executions',
  async run(run) {
    const result = await new ExecutionsRepository(run.db).insertMany(run.userId, run.logId, run.fills);
    if (!result) throw new Error('the log is not the bench user’s');
    run.inserted = result.inserted.length;
    run.counts['inserted'] = result.inserted.length;
  },
};

/** Steps before the transaction. */
export const PARSE_STEPS: ImportStep[] = [parseExport];
/** Steps inside one transaction: nothing is half-imported. Trade grouping goes here as one more entry. */
export const COMMIT_STEPS: ImportStep[] = [insertExecutions];

export interface ImportTimings {
  /** Milliseconds per step name, and `total`. */
  [step: string]: number;
}

/** One import of `file` into the log, each step timed; the transaction's commit is timed with the last step. */
export async function runImport(db: Kysely<JournalDb>, run: Omit<ImportRun, 'db' | 'fills' | 'inserted' | 'counts'>): Promise<{ timings: ImportTimings; counts: Record<string, number> }> {
  const state: ImportRun = { ...run, db, fills: [], inserted: 0, counts: {} };
  const timings: ImportTimings = {};
  const started = performance.now();
  const timed = async (step: ImportStep): Promise<void> => {
    const t0 = performance.now();
    await step.run(state);
    timings[step.name] = performance.now() - t0;
  };
  for (const step of PARSE_STEPS) await timed(step);
  const commitStarted = performance.now();
  await db.transaction().execute(async (trx) => {
    state.db = trx;
    for (const step of COMMIT_STEPS) await timed(step);
  });
  timings['commit'] = performance.now() - commitStarted - COMMIT_STEPS.reduce((sum, s) => sum + (timings[s.name] ?? 0), 0);
  timings['total'] = performance.now() - started;
  return { timings, counts: state.counts };
}
