/**
 * `npm run bench:journal`: the journal's three budgets (issue 12) on SQLite and PostgreSQL side by
 * side in one run — analytics over 100k closed trades (the pure analyze(), and load + analyze from
 * each database), importing a 10k-row broker export (parse, then insert in one transaction), and a
 * filtered trade list page. Prints the table with pass/fail per budget and the PostgreSQL/SQLite
 * ratios, writes bench/results/journal-<iso>.json, and states the machine.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, type AnalyticsConventions, type ClosedTrade } from '@marketswarm/shared/journal';
import { closedTradeOf } from '@marketswarm/journal/dist/analytics/closed-trade-of.js';
import { TradeLogsRepository } from '@marketswarm/journal/dist/trade-logs/trade-logs.repository.js';
import { TradesRepository, type TradeFilter } from '@marketswarm/journal/dist/trades/trades.repository.js';
import { analyzeTables, openBenchDatabase, type BenchDatabase } from './bench-database.js';
import { ibkrFlexCsv } from './ibkr-flex-export.js';
import { runImport, type ImportTimings } from './import-pipeline.js';
import { measure } from './measure.js';
import { parseOptions, USAGE, type JournalBenchOptions } from './options.js';
import { BUDGETS, renderReport, writeResults, type FigureResult, type JournalRunMeta } from './report.js';
import { generateTrades, seedTagId, seedTrades, type SeedTrade } from './seed-trades.js';
import { percentile } from '../fanout/stats.js';

const RESULTS_DIR = fileURLToPath(new URL('../../results', import.meta.url));
const USER = 'bench-user';
const TIME_ZONE = 'America/New_York';
/** $100,000 of starting capital, so drawdown percentages are computed too. */
const CONVENTIONS: Partial<AnalyticsConventions> = { timeZone: TIME_ZONE, startingCapitalMinor: 100_000_000_000 };

/**
 * analyze() loops over 100k trades a dozen times; V8 needs a few calls before all of them run
 * optimised (the first call takes about twice as long), and a service answering requests is past that.
 */
const ANALYZE_WARMUPS = 5;
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const median = (xs: readonly number[]): number => Math.round((percentile([...xs].sort((a, b) => a - b), 50) ?? Number.NaN) * 100) / 100;

/** The trades as the analytics service hands them to analyze(): through closedTradeOf, as stored rows would be. */
function closedTrades(trades: readonly SeedTrade[]): ClosedTrade[] {
  return trades.map((t) => closedTradeOf(t, TIME_ZONE));
}

/** The analytics as JSON, hashed: one small string to compare instead of megabytes kept alive. */
function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function medians(runs: readonly ImportTimings[]): Record<string, number> {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(names.map((n) => [n, median(runs.map((r) => r[n] ?? 0))]));
}

/** Seeds a new log with the trades; returns what the figures need of them, so the trades themselves can be collected. */
async function seedLog(bench: BenchDatabase, trades: readonly SeedTrade[]): Promise<{ logId: string; count: number; middle: number; seedMs: number }> {
  const started = performance.now();
  const tradeLog = await new TradeLogsRepository(bench.database.db).create(USER, { name: 'bench', currency: 'USD', startingCapitalMicros: 100_000_000_000 });
  await seedTrades(bench.database.db, USER, tradeLog.id, trades);
  await analyzeTables(bench);
  return { logId: tradeLog.id, count: trades.length, middle: trades[Math.floor(trades.length / 2)]?.openedAt ?? 0, seedMs: performance.now() - started };
}

async function benchDialect(bench: BenchDatabase, options: JournalBenchOptions, pure: string, file: string): Promise<{ results: FigureResult[]; seedMs: number }> {
  const { db } = bench.database;
  const where = bench.dialect;
  const results: FigureResult[] = [];
  const logs = new TradeLogsRepository(db);
  const repository = new TradesRepository(db);
  const serverPid = bench.serverPid;

  log(`${where}: seeding ${options.trades} trades…`);
  const { logId, count, middle, seedMs } = await seedLog(bench, generateTrades(options.trades));

  log(`${where}: load + analyze…`);
  const loadMs: number[] = [];
  let same = true;
  const loadAndAnalyze = await measure(
    options.runs,
    async () => {
      const t0 = performance.now();
      const rows = await repository.listClosedForAnalytics(USER, { logId });
      loadMs.push(performance.now() - t0);
      const result = analyze(
        rows.map((r) => closedTradeOf(r, TIME_ZONE)),
        CONVENTIONS,
      );
      same &&= digest(result) === pure;
    },
    { serverPid, quietWaitSec: options.quietWaitSec },
  );
  results.push({
    key: 'load-analyze',
    figure: `load ${count / 1000}k trades + analyze()`,
    where,
    measurement: loadAndAnalyze,
    budgetMs: null,
    parts: { load: median(loadMs.slice(1)) },
    note: same ? 'the same analytics as from memory, field for field' : 'DIFFERS from the analytics computed from memory',
  });

  // A month from the middle of the seeded history: `middle`.
  const pageCases: { key: string; name: string; filter: TradeFilter }[] = [
    { key: 'page-symbol', name: `page of ${options.pageSize}, symbol=SPX`, filter: { symbol: 'SPX' } },
    { key: 'page-tag', name: `page of ${options.pageSize}, tag=FOMC`, filter: { tagId: seedTagId('FOMC') } },
    { key: 'page-strategy-dates', name: `page of ${options.pageSize}, butterfly in one month`, filter: { strategy: 'butterfly', from: middle, to: middle + 30 * 86_400_000 } },
  ];
  for (const c of pageCases) {
    log(`${where}: ${c.name}…`);
    let loaded = 0;
    const page = await measure(
      Math.max(options.runs * 3, 20),
      async () => {
        loaded = (await repository.listByLog(USER, logId, c.filter, { limit: options.pageSize })).trades.length;
      },
      { serverPid, quietWaitSec: options.quietWaitSec },
    );
    if (loaded !== options.pageSize) throw new Error(`${c.name} on ${where} returned ${loaded} trades`);
    results.push({ key: c.key, figure: c.name, where, measurement: page, budgetMs: BUDGETS.page });
  }

  log(`${where}: import…`);
  let importLog = (await logs.create(USER, { name: 'import 0', currency: 'USD', startingCapitalMicros: 0 })).id;
  const timings: ImportTimings[] = [];
  let counts: Record<string, number> = {};
  const importing = await measure(
    options.runs,
    async () => {
      const run = await runImport(db, { file, fileName: 'bench-flex.csv', userId: USER, logId: importLog });
      timings.push(run.timings);
      counts = run.counts;
    },
    {
      serverPid,
      quietWaitSec: options.quietWaitSec,
      // Each run imports into a new log, so every row is new (re-importing the same file adds nothing).
      between: async () => {
        importLog = (await logs.create(USER, { name: `import ${timings.length}`, currency: 'USD', startingCapitalMicros: 0 })).id;
      },
    },
  );
  if (counts['inserted'] !== options.importRows) throw new Error(`the import on ${where} wrote ${counts['inserted']} of ${options.importRows} rows`);
  results.push({ key: 'import', figure: `import ${options.importRows / 1000}k-row IBKR Flex CSV`, where, measurement: importing, budgetMs: BUDGETS.import, parts: medians(timings.slice(1)) });
  return { results, seedMs };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const startedAt = new Date().toISOString();
  const cpuList = cpus();
  log(`generating ${options.trades} trades and a ${options.importRows}-row export…`);
  // The seed trades (with their legs) are made again for each database rather than kept: a heap
  // holding them would make every garbage collection during the analytics runs slower than in the service.
  const closed = closedTrades(generateTrades(options.trades));
  const file = ibkrFlexCsv(options.importRows);
  const seedShape = { legs: generateTrades(options.trades).reduce((n, t) => n + t.legs.length, 0) };

  log('analyze() in memory…');
  const pure = digest(analyze(closed, CONVENTIONS));
  const results: FigureResult[] = [
    {
      key: 'analyze',
      figure: `analyze() ${options.trades / 1000}k trades`,
      where: 'in memory',
      measurement: await measure(options.runs, () => analyze(closed, CONVENTIONS), { quietWaitSec: options.quietWaitSec, warmups: ANALYZE_WARMUPS }),
      budgetMs: BUDGETS.analytics,
      note: `trades in entry order, so analyze() sorts them by close; measured after ${ANALYZE_WARMUPS} warm-up runs, as a running service answers (JIT-optimised, exchange-day offsets cached)`,
    },
  ];

  const tempDir = await mkdtemp(path.join(tmpdir(), 'ms-bench-journal-'));
  const databases: JournalRunMeta['databases'] = [];
  let open: BenchDatabase | undefined;
  const cleanup = async (): Promise<void> => {
    await open?.close().catch(() => undefined);
    open = undefined;
    await rm(tempDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    for (const dialect of options.dialects) {
      log(`opening ${dialect}…`);
      open = await openBenchDatabase(dialect, tempDir);
      const { results: dialectResults, seedMs } = await benchDialect(open, options, pure, file);
      results.push(...dialectResults);
      databases.push({ dialect, version: open.version, settings: open.settings, seedMs: Math.round(seedMs) });
      await open.close();
      open = undefined;
    }
  } finally {
    await cleanup();
  }

  // Group the table by figure so the two dialects of one figure sit on adjacent lines.
  const order = [...new Set(results.map((r) => r.key))];
  results.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const meta: JournalRunMeta = {
    startedAt,
    host: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model.trim() ?? 'unknown CPU',
      node: process.version,
      platform: `${process.platform}/${process.arch}`,
      kernel: release(),
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      loadAverage: loadavg(),
    },
    databases,
    data: {
      trades: closed.length,
      legs: seedShape.legs,
      tagged: closed.reduce((n, t) => n + t.tags.length, 0),
      importRows: options.importRows,
      importBytes: Buffer.byteLength(file),
    },
  };
  process.stdout.write(`${renderReport(results, options, meta)}\n`);
  const written = await writeResults(RESULTS_DIR, { meta, options, results });
  process.stdout.write(`\nresults: ${path.relative(process.cwd(), written)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:journal failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
