import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ratio } from '../fanout/stats.js';
import type { Measurement } from './measure.js';
import type { JournalBenchOptions } from './options.js';

/** The budgets (issue 12, "Benchmark"), in milliseconds. */
export const BUDGETS = { analytics: 150, import: 1000, page: 20 } as const;

export type Where = 'in memory' | 'sqlite' | 'postgres';

export interface FigureResult {
  /** Stable key, the same for both dialects (for the ratios). */
  key: string;
  figure: string;
  where: Where;
  measurement: Measurement;
  /** Budget the median is checked against, when the issue sets one for this figure. */
  budgetMs: number | null;
  /** Sub-timings (median ms): import steps, the load part of load + analyze. */
  parts?: Record<string, number>;
  note?: string;
}

export interface JournalRunMeta {
  startedAt: string;
  host: { cpus: number; cpuModel: string; node: string; platform: string; kernel: string; memoryGiB: number; loadAverage: number[] };
  databases: { dialect: string; version: string; settings: string; seedMs: number }[];
  data: { trades: number; legs: number; tagged: number; importRows: number; importBytes: number };
}

export const CAVEAT =
  'Caveat: one 2-core machine shared with other sessions. Wall time (median, p95) is what the budgets check; CPU is this process alone; ' +
  '"other cores" is machine-wide CPU outside this process and the PostgreSQL server during the runs: noise that inflates the wall times ' +
  '(each figure first waits up to --quiet-wait seconds for a quiet second).';

const fmt = (v: number | null | undefined, digits = 1): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits));

function table(headers: string[], rows: string[][], leftColumns = 2): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function verdict(r: FigureResult): 'pass' | 'FAIL' | '' {
  if (r.budgetMs === null) return '';
  return r.measurement.medianMs <= r.budgetMs ? 'pass' : 'FAIL';
}

export function renderReport(results: readonly FigureResult[], options: JournalBenchOptions, meta: JournalRunMeta): string {
  const out: string[] = [];
  const h = meta.host;
  out.push('', `Journal, ${h.cpus} × ${h.cpuModel}, ${h.memoryGiB} GiB, node ${h.node}, ${h.platform} ${h.kernel}, load average at start ${h.loadAverage.map((l) => l.toFixed(2)).join(' ')}`);
  for (const d of meta.databases) out.push(`  ${d.dialect}: ${d.version}; ${d.settings}; seeding ${meta.data.trades.toLocaleString('en-US')} trades took ${fmt(d.seedMs / 1000, 1)} s`);
  out.push(
    `  data: ${meta.data.trades.toLocaleString('en-US')} closed trades (${meta.data.legs.toLocaleString('en-US')} legs, ${meta.data.tagged.toLocaleString('en-US')} tag links); ` +
      `an IBKR Flex CSV of ${meta.data.importRows.toLocaleString('en-US')} rows (${fmt(meta.data.importBytes / 1e6, 2)} MB); ${options.runs} measured runs per figure after a warm-up`,
    '',
  );
  out.push(
    table(
      ['figure', 'where', 'median ms', 'p95 ms', 'min ms', 'cold ms', 'CPU ms', 'PG CPU ms', 'other cores', 'quiet wait s', 'budget', 'verdict'],
      results.map((r) => [
        r.figure,
        r.where,
        fmt(r.measurement.medianMs),
        fmt(r.measurement.p95Ms),
        fmt(r.measurement.minMs),
        fmt(r.measurement.coldMs),
        fmt(r.measurement.cpuMedianMs),
        fmt(r.measurement.serverCpuMsPerRun),
        fmt(r.measurement.otherCores, 2),
        fmt(r.measurement.quietWaitSec, 0),
        r.budgetMs === null ? '' : `≤ ${r.budgetMs}`,
        verdict(r),
      ]),
    ),
  );
  const parts = results.filter((r) => r.parts);
  if (parts.length) {
    out.push('', 'Parts (median ms):');
    for (const r of parts) out.push(`  ${r.figure} on ${r.where}: ${Object.entries(r.parts ?? {}).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
  }
  const notes = results.filter((r) => r.note);
  for (const r of notes) out.push(`  ${r.figure} on ${r.where}: ${r.note}`);

  const keys = [...new Set(results.map((r) => r.key))];
  const ratioRows: string[][] = [];
  for (const key of keys) {
    const sqlite = results.find((r) => r.key === key && r.where === 'sqlite');
    const postgres = results.find((r) => r.key === key && r.where === 'postgres');
    if (!sqlite || !postgres) continue;
    ratioRows.push([sqlite.figure, fmt(ratio(postgres.measurement.medianMs, sqlite.measurement.medianMs), 2), fmt(ratio(postgres.measurement.p95Ms, sqlite.measurement.p95Ms), 2)]);
  }
  if (ratioRows.length) {
    out.push('', 'PostgreSQL / SQLite (above 1 = PostgreSQL slower):');
    out.push(table(['figure', 'median', 'p95'], ratioRows, 1));
  }
  out.push('', `Budgets (issue 12): analytics over 100k trades ≤ ${BUDGETS.analytics} ms (pure analyze(); load + analyze stated), import of a 10k-row export ≤ ${BUDGETS.import} ms, trade list page ≤ ${BUDGETS.page} ms — checked on the median.`);
  out.push('', CAVEAT);
  return out.join('\n');
}

export async function writeResults(dir: string, payload: { meta: JournalRunMeta; options: JournalBenchOptions; results: readonly FigureResult[] }): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `journal-${payload.meta.startedAt.replace(/[:.]/g, '-')}.json`);
  const results = payload.results.map((r) => ({ ...r, verdict: verdict(r) }));
  await writeFile(file, `${JSON.stringify({ ...payload, results, budgets: BUDGETS, caveat: CAVEAT }, null, 2)}\n`);
  return file;
}
