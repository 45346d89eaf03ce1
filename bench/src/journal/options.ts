import type { JournalDialect } from '@marketswarm/journal/dist/database/index.js';

export const DIALECTS = ['sqlite', 'postgres'] as const satisfies readonly JournalDialect[];

export interface JournalBenchOptions {
  /** Measured runs per figure (after one unmeasured warm-up). */
  runs: number;
  /** Closed trades seeded and analysed. */
  trades: number;
  /** Trade rows in the generated broker export. */
  importRows: number;
  /** Trades per list page. */
  pageSize: number;
  dialects: JournalDialect[];
  /** Most seconds to wait before each figure for a quiet second on the machine. */
  quietWaitSec: number;
  help: boolean;
}

export const USAGE = `npm run bench:journal -- [options]      (or: node bench/dist/journal/run-journal.js [options])

  --quick                 smoke run: 10k trades, a 2k-row export, 3 runs each
  --runs 9                measured runs per figure, after one warm-up   (env BENCH_JOURNAL_RUNS)
  --trades 100000         closed trades seeded and analysed             (env BENCH_JOURNAL_TRADES)
  --import-rows 10000     trade rows in the generated IBKR Flex export  (env BENCH_JOURNAL_IMPORT_ROWS)
  --page-size 50          trades per list page                          (env BENCH_JOURNAL_PAGE_SIZE)
  --dialects sqlite,postgres                                            (env BENCH_JOURNAL_DIALECTS)
  --quiet-wait 5          most seconds to wait for a quiet machine before each figure (env BENCH_JOURNAL_QUIET_WAIT)
  --help`;

const DEFAULTS = { quietWait: '5', quickQuietWait: '1', runs: '9', trades: '100000', importRows: '10000', pageSize: '50', quickRuns: '3', quickTrades: '10000', quickImportRows: '2000' };

function wholeNumber(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name}: "${text}" must be a positive whole number`);
  return value;
}

function seconds(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name}: "${text}" must be a number of seconds, 0 or more`);
  return value;
}

/** Flags win over environment variables, which win over the defaults (or the `--quick` defaults). */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): JournalBenchOptions {
  const flags = new Map<string, string>();
  let quick = false;
  let help = false;
  const valued = new Set(['runs', 'trades', 'import-rows', 'page-size', 'dialects', 'quiet-wait']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"\n\n${USAGE}`);
    const [name = '', inline] = arg.slice(2).split('=', 2);
    if (name === 'quick') quick = true;
    else if (name === 'help') help = true;
    else if (valued.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      flags.set(name, value);
    } else throw new Error(`unknown option --${name}\n\n${USAGE}`);
  }
  const pick = (flag: string, envName: string, fallback: string, quickFallback = fallback): string => flags.get(flag) ?? env[envName] ?? (quick ? quickFallback : fallback);
  const dialects = pick('dialects', 'BENCH_JOURNAL_DIALECTS', DIALECTS.join(','))
    .split(',')
    .map((d) => d.trim());
  for (const d of dialects) if (!(DIALECTS as readonly string[]).includes(d)) throw new Error(`--dialects: "${d}" is not one of ${DIALECTS.join(', ')}`);
  return {
    runs: wholeNumber('runs', pick('runs', 'BENCH_JOURNAL_RUNS', DEFAULTS.runs, DEFAULTS.quickRuns)),
    trades: wholeNumber('trades', pick('trades', 'BENCH_JOURNAL_TRADES', DEFAULTS.trades, DEFAULTS.quickTrades)),
    importRows: wholeNumber('import-rows', pick('import-rows', 'BENCH_JOURNAL_IMPORT_ROWS', DEFAULTS.importRows, DEFAULTS.quickImportRows)),
    pageSize: wholeNumber('page-size', pick('page-size', 'BENCH_JOURNAL_PAGE_SIZE', DEFAULTS.pageSize)),
    dialects: dialects as JournalDialect[],
    quietWaitSec: seconds('quiet-wait', pick('quiet-wait', 'BENCH_JOURNAL_QUIET_WAIT', DEFAULTS.quietWait, DEFAULTS.quickQuietWait)),
    help,
  };
}
