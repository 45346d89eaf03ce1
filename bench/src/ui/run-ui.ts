/**
 * `npm run bench:ui`: what the trader's browser pays for the workspace, on the real stack (pm2,
 * nginx HTTP/2 + TLS, gateway, producers) started on free ports with `./admin up`:
 *
 * - initial JavaScript (gzip -9) that index.html makes the browser fetch, against a 250 kB budget,
 *   and the lazy chunks the workspace route loads on top;
 * - navigation start → first live price on screen (`ms:first-tick`), median of fresh page loads,
 *   against a 1000 ms budget;
 * - long tasks, total blocking time, frames and main-thread busy time while 50 spot events/s
 *   stream into the page.
 *
 * - the journal pages on a log of 10,000 trades (imported through nginx first): the trades list to
 *   its first row and to every trade loaded, long tasks while scrolling it top to bottom, and the
 *   analytics page to its first figure, each against a 1000 ms budget.
 *
 * - the risk graph holding 10 what-if positions (heatmap tiles) while 60 spot events/s move the
 *   workspace symbol, beside the same window with 1 position: frames/s and frame gaps (60 fps
 *   target), risk-graph redraws per second against ticks per second, long tasks (budget 0).
 *
 * Both transports run in the same process, side by side: HTTP/2 with one EventSource per stream,
 * and Chromium with `--disable-http2` (HTTP/1.1 over TLS) on the single multiplexed stream.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, request, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumLaunchOptions, repoRoot, startTestStack, type TestStack } from '@marketswarm/shared/testing';
import { cleanupAll, onCleanup } from '../fanout/processes.js';
import { machineBusySeconds } from '../fanout/proc-stats.js';
import { assetSize, measureInitialBundle, type AssetSize, type InitialBundle } from './bundle-size.js';
import { INSTRUMENT_PAGE, startStreamWindow, waitForFirstTick, timeFreshLoad, type LoadTiming, type StreamWindow } from './page-metrics.js';
import { scrollTradesPage, timeAnalyticsPage, timeTradesPage, type JournalPageLoad, type ScrollWindow } from './journal-page-metrics.js';
import { seedTradeLog } from './journal-seed.js';
import { fillRiskGraph, measureRiskGraphWindow, type RiskGraphWindow } from './risk-graph-metrics.js';
import { alternatingPath, trianglePath, type SpotPath } from './spot-path.js';

const RESULTS_DIR = fileURLToPath(new URL('../../results', import.meta.url));
const DIST = path.join(repoRoot, 'ui/dist');
export const BUDGETS = { initialJsGzipBytes: 250_000, firstTickMedianMs: 1000, tradesFirstRowMedianMs: 1000, analyticsFirstFigureMedianMs: 1000, scrollLongTasks: 0, riskGraphLongTasks: 0, riskGraphFpsMin: 50 } as const;
/** The risk-graph window's page size: wide enough that every panel shows at once (no tabs). */
const RISK_VIEWPORT = { width: 1600, height: 1000 } as const;

const USAGE = `npm run bench:ui -- [options]      (or: node bench/dist/ui/run-ui.js [options])

  --loads 5        fresh page loads per transport for the first-tick median (env BENCH_UI_LOADS)
  --duration 20    seconds of streaming for the long-task window           (env BENCH_UI_DURATION)
  --rate 50        spot events per second during that window               (env BENCH_UI_RATE)
  --symbol SPX     symbol whose spot is streamed                           (env BENCH_UI_SYMBOL)
  --trades 10000   closed trades in the journal log the journal pages show  (env BENCH_UI_TRADES)
  --risk-rate 60   spot events per second in the risk-graph windows        (env BENCH_UI_RISK_RATE)
  --risk-positions 10  what-if positions in the loaded risk-graph window    (env BENCH_UI_RISK_POSITIONS)
  --quick          3 loads, 5 s of streaming
  --strict         exit with code 2 when a budget is not met                (env BENCH_UI_STRICT=1)
  --help`;

interface Options {
  loads: number;
  durationSec: number;
  rate: number;
  symbol: string;
  trades: number;
  riskRate: number;
  riskPositions: number;
  strict: boolean;
}

function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Options | undefined {
  const flags = new Map<string, string>();
  let quick = false;
  let strict = env['BENCH_UI_STRICT'] === '1';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return undefined;
    if (arg === '--quick') {
      quick = true;
      continue;
    }
    if (arg === '--strict') {
      strict = true;
      continue;
    }
    const [name = '', inline] = arg.replace(/^--/, '').split('=', 2);
    if (!arg.startsWith('--') || !['loads', 'duration', 'rate', 'symbol', 'trades', 'risk-rate', 'risk-positions'].includes(name)) throw new Error(`unexpected argument "${arg}"\n\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    flags.set(name, value);
  }
  const num = (name: string, envName: string, fallback: number): number => {
    const text = flags.get(name) ?? env[envName];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} ${text}: must be a positive number`);
    return value;
  };
  return {
    loads: Math.round(num('loads', 'BENCH_UI_LOADS', quick ? 3 : 5)),
    durationSec: num('duration', 'BENCH_UI_DURATION', quick ? 5 : 20),
    rate: num('rate', 'BENCH_UI_RATE', 50),
    symbol: flags.get('symbol') ?? env['BENCH_UI_SYMBOL'] ?? 'SPX',
    trades: Math.round(num('trades', 'BENCH_UI_TRADES', 10_000)),
    riskRate: num('risk-rate', 'BENCH_UI_RISK_RATE', 60),
    riskPositions: Math.max(2, Math.round(num('risk-positions', 'BENCH_UI_RISK_POSITIONS', 10))),
    strict,
  };
}

interface Variant {
  id: 'h2' | 'http1';
  label: string;
  browser: Browser;
}

interface VariantResult {
  id: Variant['id'];
  label: string;
  protocol: string;
  transport: string;
  streams: number;
  loads: LoadTiming[];
  firstTickMedianMs: number;
  firstTickMinMs: number;
  firstTickMaxMs: number;
  domContentLoadedMedianMs: number;
  scriptsLoadedMedianMs: number;
  sessionCheckedMedianMs: number;
  /** Cores busy machine-wide (stack, browser, publisher and anyone else) during the streaming window. */
  streamMachineBusyCores: number;
  stream: StreamWindow;
  journal: JournalPagesResult;
  riskGraph: RiskGraphResult;
}

/**
 * The risk graph under a moving spot: the baseline (1 position) and the loaded book, one page. A
 * window that could not run (no heatmap tile to click, a starved page) leaves its figure out and
 * says why in `error`; the rest of the run is still reported and that budget counts as not met.
 */
interface RiskGraphResult {
  symbol: string;
  tiles: string[];
  baseline?: RiskGraphWindow;
  loaded?: RiskGraphWindow;
  error?: string;
}

interface JournalPagesResult {
  tradesLoads: JournalPageLoad[];
  tradesFirstRowMedianMs: number;
  tradesAllLoadedMedianMs: number;
  analyticsLoads: JournalPageLoad[];
  analyticsFirstFigureMedianMs: number;
  analyticsChartMedianMs: number;
  scroll: ScrollWindow;
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;
const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

/** Signs a fresh account up over the API; its cookies seed every context of the run. */
async function signUp(stack: TestStack): Promise<Awaited<ReturnType<BrowserContext['storageState']>>> {
  const api = await request.newContext({ baseURL: stack.nginxUrl, ignoreHTTPSErrors: true });
  try {
    const account = { email: `bench-ui-${Date.now().toString(36)}@bench.test`, password: `bench-${Math.random().toString(36).slice(2)}-pw` };
    const res = await api.post('/api/auth/register', { data: account });
    if (!res.ok()) throw new Error(`register: ${res.status()} ${await res.text()}`);
    return await api.storageState();
  } finally {
    await api.dispose();
  }
}

/** A log of `count` closed trades for the bench's user, imported through nginx with its session and CSRF cookie. */
async function seedJournal(stack: TestStack, storageState: Awaited<ReturnType<BrowserContext['storageState']>>, count: number): Promise<{ logId: string; trades: number; importMs: number }> {
  const api = await request.newContext({ baseURL: stack.nginxUrl, ignoreHTTPSErrors: true, storageState });
  try {
    const csrf = storageState.cookies.find((c) => c.name === 'ms_csrf')?.value ?? '';
    return await seedTradeLog(api, csrf, count);
  } finally {
    await api.dispose();
  }
}

/** Publishes `rate` spot events/s for `durationSec`, the prices along `path`. */
async function streamSpots(stack: TestStack, symbol: string, path: SpotPath, rate: number, durationSec: number): Promise<{ published: number; failed: number }> {
  const total = Math.round(rate * durationSec);
  const interval = 1000 / rate;
  const started = performance.now();
  let published = 0;
  let failed = 0;
  for (let i = 0; i < total; i++) {
    const wait = started + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    try {
      await stack.publish('spot', [{ symbol, price: path(i), seq: i }]);
      published += 1;
    } catch {
      failed += 1;
    }
  }
  return { published, failed };
}

/** SPOT_REDRAW_MS as the UI source has it: the bench reports the throttle it measured against. */
async function spotRedrawMs(): Promise<number | null> {
  const source = await readFile(path.join(repoRoot, 'ui/src/stores/hooks.ts'), 'utf8').catch(() => '');
  const match = /SPOT_REDRAW_MS\s*=\s*(\d+)/.exec(source);
  return match ? Number(match[1]) : null;
}

/** What the loaded book costs over the baseline, as ratios (noisy machine: the same run only). */
function riskCost(r: RiskGraphResult): Record<string, number | null> {
  const { loaded, baseline } = r;
  if (loaded === undefined || baseline === undefined) return {};
  const per = (a: number, b: number): number | null => (b === 0 ? null : a / b);
  return {
    framesPerSec: per(loaded.frames.framesPerSec, baseline.frames.framesPerSec),
    p95FrameGap: per(loaded.frames.p95GapMs, baseline.frames.p95GapMs),
    redrawsPerSec: per(loaded.redrawsPerSec, baseline.redrawsPerSec),
    mainThreadBusy: per(loaded.mainThreadBusyShare, baseline.mainThreadBusyShare),
    scriptMs: per(loaded.scriptMs, baseline.scriptMs),
    totalBlockingMs: per(loaded.totalBlockingMs, baseline.totalBlockingMs),
  };
}

/** The risk-graph section of the printed report: per transport, the baseline, the loaded book and loaded/baseline. */
function riskGraphTable(options: Options, h2: VariantResult, h1: VariantResult, redrawMs: number | null): string[] {
  const n = options.riskPositions;
  const fmt = (x: number, digits = 1): string => String(round(x, digits));
  const per = (a: number, b: number): string => (b === 0 ? (a === 0 ? '1.00' : '∞') : (a / b).toFixed(2));
  type Row = [label: string, pick: (w: RiskGraphWindow) => number, show: (w: RiskGraphWindow) => string, budget?: (w: RiskGraphWindow) => string];
  const table: Row[] = [
    ['spot events published /s', (w) => w.ticksPerSec, (w) => `${fmt(w.ticksPerSec)} (${w.published})`],
    ['risk-graph redraws /s (frames with a DOM change in it)', (w) => w.redrawsPerSec, (w) => `${fmt(w.redrawsPerSec)} (${w.redraws})`],
    ['  DOM commits touching the risk graph', (w) => w.commits, (w) => String(w.commits)],
    ['  P&L-today readout changes', (w) => w.pnlChanges, (w) => String(w.pnlChanges)],
    ["  today's curve redrawn (path d changes)", (w) => w.todayPathChanges, (w) => String(w.todayPathChanges)],
    ['frames/s (rAF) · ratio to 60', (w) => w.frames.framesPerSec, (w) => `${fmt(w.frames.framesPerSec)} · ${w.frames.ratioTo60.toFixed(2)}`, (w) => `≥ ${BUDGETS.riskGraphFpsMin} ${w.frames.framesPerSec >= BUDGETS.riskGraphFpsMin ? 'ok' : 'OVER'}`],
    ['  frame gap p50 / p95 / max (ms)', (w) => w.frames.p95GapMs, (w) => `${fmt(w.frames.p50GapMs)} / ${fmt(w.frames.p95GapMs)} / ${fmt(w.frames.maxGapMs)}`],
    ['  gaps > 25 ms (a 60 Hz frame missed)', (w) => w.frames.missedFrames, (w) => String(w.frames.missedFrames)],
    ['long tasks (> 50 ms)', (w) => w.longTasks, (w) => String(w.longTasks), (w) => `≤ ${BUDGETS.riskGraphLongTasks} ${w.longTasks <= BUDGETS.riskGraphLongTasks ? 'ok' : 'OVER'}`],
    ['  total blocking time (ms) · longest task (ms)', (w) => w.totalBlockingMs, (w) => `${fmt(w.totalBlockingMs)} · ${fmt(w.longestTaskMs)}`],
    ['main thread busy (task time / window)', (w) => w.mainThreadBusyShare, (w) => `${(w.mainThreadBusyShare * 100).toFixed(1)} %`],
    ['  script time (ms)', (w) => w.scriptMs, (w) => fmt(w.scriptMs)],
    [`machine busy cores (of ${availableParallelism()})`, (w) => w.machineBusyCores, (w) => fmt(w.machineBusyCores, 2)],
  ];
  const rows: string[][] = [['metric', `${h2.id} 1 pos`, `${h2.id} ${n} pos`, `${n}/1`, `${h1.id} 1 pos`, `${h1.id} ${n} pos`, `${n}/1`, `budget (${n} pos, h2/http1)`]];
  for (const [label, pick, show, budget] of table) {
    const cell = (w: RiskGraphWindow | undefined, f: (w: RiskGraphWindow) => string): string => (w === undefined ? '—' : f(w));
    const cells = [h2, h1].flatMap(({ riskGraph: { baseline, loaded } }) => [
      cell(baseline, show),
      cell(loaded, show),
      baseline === undefined || loaded === undefined ? '' : per(pick(loaded), pick(baseline)),
    ]);
    rows.push([label, ...cells, budget ? `${cell(h2.riskGraph.loaded, budget)} / ${cell(h1.riskGraph.loaded, budget)}` : '']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const out = [
    `Risk graph, ${n} what-if positions vs 1 (${h2.riskGraph.symbol}, ${options.riskRate} spot events/s × ${options.durationSec} s each, ${RISK_VIEWPORT.width}×${RISK_VIEWPORT.height}):`,
    `  tiles: ${h2.riskGraph.tiles.join(' ')}`,
    ...[h2, h1].filter((r) => r.riskGraph.error !== undefined).map((r) => `  ${r.label}: not measured in full — ${r.riskGraph.error}`),
    `  the panel follows spot at most every ${redrawMs ?? '?'} ms (SPOT_REDRAW_MS, ui/src/stores/hooks.ts): ${redrawMs ? `≤ ${round(1000 / redrawMs)} redraws/s by design, not one per tick` : 'throttle unknown'}`,
  ];
  for (const row of rows) out.push(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  return out;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  if (!options) {
    console.log(USAGE);
    return;
  }
  const startedAt = new Date();

  log('initial bundle: reading ui/dist/index.html…');
  const bundle: InitialBundle = await measureInitialBundle(DIST);

  log('starting a test stack (./admin up on free ports)…');
  const stack = await startTestStack();
  onCleanup(() => stack.stop());
  const browsers: Browser[] = [];
  onCleanup(async () => void (await Promise.allSettled(browsers.map((b) => b.close()))));

  const storageState = await signUp(stack);
  const launch = async (http1: boolean): Promise<Browser> => {
    const browser = await chromium.launch(chromiumLaunchOptions({ http1 }));
    browsers.push(browser);
    return browser;
  };
  const variants: Variant[] = [
    { id: 'h2', label: 'HTTP/2, per-stream', browser: await launch(false) },
    { id: 'http1', label: 'HTTP/1.1, multiplexed', browser: await launch(true) },
  ];
  const contextFor = (v: Variant) => (): Promise<BrowserContext> => v.browser.newContext({ baseURL: stack.nginxUrl, ignoreHTTPSErrors: true, storageState, viewport: { width: 1440, height: 900 } });

  // Warm the stack (first compile of nginx caches, gateway JIT) with one load per variant, unmeasured.
  for (const v of variants) await timeFreshLoad(contextFor(v));

  // Fresh loads, alternating the transports so machine noise lands on both alike.
  const loads = new Map<Variant['id'], LoadTiming[]>(variants.map((v) => [v.id, []]));
  for (let i = 0; i < options.loads; i++) {
    for (const v of variants) {
      const timing = await timeFreshLoad(contextFor(v));
      loads.get(v.id)!.push(timing);
      log(`  load ${i + 1}/${options.loads} ${v.label}: first tick ${timing.firstTickMs.toFixed(0)} ms (${timing.protocol}, ${timing.transport}, ${timing.streams} streams)`);
    }
  }

  // The journal pages on a log of `options.trades` trades, the two transports alternating as above.
  log(`journal: importing ${options.trades} trades through nginx…`);
  const seeded = await seedJournal(stack, storageState, options.trades);
  log(`  imported ${seeded.trades} trades in ${(seeded.importMs / 1000).toFixed(1)} s`);
  const journalLoads = new Map<Variant['id'], { trades: JournalPageLoad[]; analytics: JournalPageLoad[] }>(variants.map((v) => [v.id, { trades: [], analytics: [] }]));
  for (const v of variants) await timeTradesPage(contextFor(v), seeded.logId, seeded.trades); // warm, unmeasured
  for (let i = 0; i < options.loads; i++) {
    for (const v of variants) {
      const trades = await timeTradesPage(contextFor(v), seeded.logId, seeded.trades);
      const analytics = await timeAnalyticsPage(contextFor(v), seeded.logId);
      journalLoads.get(v.id)!.trades.push(trades);
      journalLoads.get(v.id)!.analytics.push(analytics);
      log(`  load ${i + 1}/${options.loads} ${v.label}: trades first row ${trades.firstRenderMs.toFixed(0)} ms, all ${trades.completeMs.toFixed(0)} ms; analytics first figure ${analytics.firstRenderMs.toFixed(0)} ms`);
    }
  }
  const scrolls = new Map<Variant['id'], ScrollWindow>();
  for (const v of variants) scrolls.set(v.id, await scrollTradesPage(contextFor(v), seeded.logId, seeded.trades));

  // Lazy chunks: scripts the workspace route fetched beyond the initial ones.
  const initial = new Set(bundle.js.map((a) => new URL(a.url, 'https://x/').pathname));
  const firstLoad = loads.get('h2')![0]!;
  const lazyUrls = [...new Set(firstLoad.scripts.filter((s) => s.startsWith('/assets/') && !initial.has(s)))];
  const lazy: AssetSize[] = await Promise.all(lazyUrls.map((u) => assetSize(DIST, u)));

  const measured: Omit<VariantResult, 'riskGraph'>[] = [];
  for (const v of variants) {
    log(`streaming ${options.rate} ${options.symbol} spot events/s for ${options.durationSec} s into one page (${v.label})…`);
    const context = await contextFor(v)();
    await context.addInitScript(INSTRUMENT_PAGE);
    const page = await context.newPage();
    await page.goto('/');
    await waitForFirstTick(page, 20_000);
    await sleep(2000); // let the initial snapshots and lazy panels settle
    const around = Number(await page.locator(`[data-testid=spot-${options.symbol}]`).getAttribute('data-price')) || 5000;
    const measuring = await startStreamWindow(page);
    const busy0 = machineBusySeconds();
    const t0 = performance.now();
    const sent = await streamSpots(stack, options.symbol, alternatingPath(around), options.rate, options.durationSec);
    await sleep(250); // the last events in flight
    const busyCores = (machineBusySeconds() - busy0) / ((performance.now() - t0) / 1000);
    const stream: StreamWindow = { ...(await measuring.read()), published: sent.published, publishFailed: sent.failed };
    await context.close();
    const timings = loads.get(v.id)!;
    const first = timings.map((t) => t.firstTickMs);
    const journal = journalLoads.get(v.id)!;
    measured.push({
      id: v.id,
      label: v.label,
      protocol: timings[0]?.protocol ?? '',
      transport: timings[0]?.transport ?? '',
      streams: timings[0]?.streams ?? 0,
      loads: timings,
      firstTickMedianMs: round(median(first)),
      firstTickMinMs: round(Math.min(...first)),
      firstTickMaxMs: round(Math.max(...first)),
      domContentLoadedMedianMs: round(median(timings.map((t) => t.domContentLoadedMs))),
      scriptsLoadedMedianMs: round(median(timings.map((t) => t.scriptsLoadedMs))),
      sessionCheckedMedianMs: round(median(timings.map((t) => t.sessionCheckedMs))),
      streamMachineBusyCores: round(busyCores, 2),
      stream,
      journal: {
        tradesLoads: journal.trades,
        tradesFirstRowMedianMs: round(median(journal.trades.map((t) => t.firstRenderMs))),
        tradesAllLoadedMedianMs: round(median(journal.trades.map((t) => t.completeMs))),
        analyticsLoads: journal.analytics,
        analyticsFirstFigureMedianMs: round(median(journal.analytics.map((t) => t.firstRenderMs))),
        analyticsChartMedianMs: round(median(journal.analytics.map((t) => t.completeMs))),
        scroll: scrolls.get(v.id)!,
      },
    });
  }

  // The risk graph under a moving spot, one page per transport at 1600×1000: the baseline book of 1
  // position, then the loaded book, each under the same stream (same page, so the panel, heatmap
  // and connections are warm alike; the loaded window runs second).
  const riskGraphs = new Map<Variant['id'], RiskGraphResult>();
  for (const v of variants) {
    log(`risk graph: 1 then ${options.riskPositions} positions, ${options.riskRate} spot events/s for ${options.durationSec} s each (${v.label})…`);
    const context = await v.browser.newContext({ baseURL: stack.nginxUrl, ignoreHTTPSErrors: true, storageState, viewport: RISK_VIEWPORT });
    try {
      await context.addInitScript(INSTRUMENT_PAGE);
      const page = await context.newPage();
      await page.goto('/');
      await waitForFirstTick(page, 20_000);
      const symbol = (await page.locator('[data-testid=workspace]').getAttribute('data-symbol')) || options.symbol;
      const measureBook = async (positions: number): Promise<{ tiles: string[]; window: RiskGraphWindow }> => {
        const tiles = await fillRiskGraph(page, symbol, positions);
        await page.locator('[data-testid=risk-pnl-today]').waitFor({ timeout: 10_000 });
        await sleep(1000); // the chart fitted and drawn, lazy parts loaded
        const around = Number(await page.locator(`[data-testid=spot-${symbol}]`).getAttribute('data-price')) || 5000;
        // ±0.1 % every 2 s: each tick a new price, and the P&L readout moves between two throttled redraws.
        const path = trianglePath(around, around * 0.001, options.riskRate * 2);
        const window = await measureRiskGraphWindow(page, () => streamSpots(stack, symbol, path, options.riskRate, options.durationSec));
        log(`  ${window.positions} position(s): ${round(window.frames.framesPerSec)} frames/s, ${round(window.redrawsPerSec)} redraws/s for ${round(window.ticksPerSec)} ticks/s, ${window.longTasks} long tasks`);
        return { tiles, window };
      };
      const result: RiskGraphResult = { symbol, tiles: [] };
      riskGraphs.set(v.id, result);
      const baseline = await measureBook(1);
      Object.assign(result, { tiles: baseline.tiles, baseline: baseline.window });
      const loaded = await measureBook(options.riskPositions);
      Object.assign(result, { tiles: loaded.tiles, loaded: loaded.window });
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message.split('\n', 1)[0]! : String(error);
      log(`  risk graph (${v.label}) not measured in full: ${message}`);
      riskGraphs.set(v.id, { symbol: options.symbol, tiles: [], ...riskGraphs.get(v.id), error: message });
    } finally {
      await context.close();
    }
  }

  const results: VariantResult[] = measured.map((r) => ({ ...r, riskGraph: riskGraphs.get(r.id)! }));

  const chromiumVersion = variants[0]!.browser.version();
  await cleanupAll();

  // Report.
  const h2 = results.find((r) => r.id === 'h2')!;
  const h1 = results.find((r) => r.id === 'http1')!;
  const ratio = (a: number, b: number): string => (b === 0 ? (a === 0 ? '1.00' : '∞') : (a / b).toFixed(2));
  const ok = (pass: boolean): string => (pass ? 'ok' : 'OVER');
  const lines: string[] = [];
  lines.push(`UI bench — ${startedAt.toISOString()}, Chromium ${chromiumVersion}, ${availableParallelism()} cores`);
  lines.push('');
  lines.push('Initial load (index.html → entry + modulepreload), gzip -9:');
  for (const a of bundle.js) lines.push(`  ${a.url.padEnd(44)} ${kB(a.rawBytes).padStart(10)} raw  ${kB(a.gzipBytes).padStart(9)} gz`);
  lines.push(`  JS total ${kB(bundle.jsGzipBytes)} gz — budget ${kB(BUDGETS.initialJsGzipBytes)}: ${ok(bundle.jsGzipBytes <= BUDGETS.initialJsGzipBytes)}`);
  for (const a of bundle.css) lines.push(`  ${a.url.padEnd(44)} ${kB(a.rawBytes).padStart(10)} raw  ${kB(a.gzipBytes).padStart(9)} gz  (CSS)`);
  lines.push(`Lazy chunks loaded by the workspace route (${lazy.length}):`);
  for (const a of lazy) lines.push(`  ${a.url.padEnd(44)} ${kB(a.rawBytes).padStart(10)} raw  ${kB(a.gzipBytes).padStart(9)} gz`);
  lines.push(`  lazy total ${kB(lazy.reduce((s, a) => s + a.gzipBytes, 0))} gz`);
  lines.push('');
  const rows: string[][] = [
    ['metric', h2.label, h1.label, 'http1/h2', 'budget'],
    ['page protocol · transport · streams', `${h2.protocol} · ${h2.transport} · ${h2.streams}`, `${h1.protocol} · ${h1.transport} · ${h1.streams}`, '', ''],
    [`nav → first tick, median of ${options.loads} (ms)`, String(h2.firstTickMedianMs), String(h1.firstTickMedianMs), ratio(h1.firstTickMedianMs, h2.firstTickMedianMs), `≤ ${BUDGETS.firstTickMedianMs} ${ok(h2.firstTickMedianMs <= BUDGETS.firstTickMedianMs)}/${ok(h1.firstTickMedianMs <= BUDGETS.firstTickMedianMs)}`],
    ['  min…max (ms)', `${h2.firstTickMinMs}…${h2.firstTickMaxMs}`, `${h1.firstTickMinMs}…${h1.firstTickMaxMs}`, '', ''],
    ['nav → DOMContentLoaded, median (ms)', String(h2.domContentLoadedMedianMs), String(h1.domContentLoadedMedianMs), ratio(h1.domContentLoadedMedianMs, h2.domContentLoadedMedianMs), ''],
    ['nav → session checked (/api/auth/me), median (ms)', String(h2.sessionCheckedMedianMs), String(h1.sessionCheckedMedianMs), ratio(h1.sessionCheckedMedianMs, h2.sessionCheckedMedianMs), ''],
    ['nav → last script received, median (ms)', String(h2.scriptsLoadedMedianMs), String(h1.scriptsLoadedMedianMs), ratio(h1.scriptsLoadedMedianMs, h2.scriptsLoadedMedianMs), ''],
    [`spot events published (${options.rate}/s × ${options.durationSec} s)`, String(h2.stream.published), String(h1.stream.published), '', ''],
    ['  SPX price changes rendered', String(h2.stream.priceUpdates), String(h1.stream.priceUpdates), ratio(h1.stream.priceUpdates, h2.stream.priceUpdates), ''],
    ['  long tasks (> 50 ms)', String(h2.stream.longTasks), String(h1.stream.longTasks), ratio(h1.stream.longTasks, h2.stream.longTasks), ''],
    ['  total blocking time (ms)', String(round(h2.stream.totalBlockingMs)), String(round(h1.stream.totalBlockingMs)), ratio(h1.stream.totalBlockingMs, h2.stream.totalBlockingMs), ''],
    ['  longest task (ms)', String(round(h2.stream.longestTaskMs)), String(round(h1.stream.longestTaskMs)), '', ''],
    ['  frames/s (requestAnimationFrame)', String(round(h2.stream.framesPerSec)), String(round(h1.stream.framesPerSec)), ratio(h1.stream.framesPerSec, h2.stream.framesPerSec), ''],
    ['  main thread busy (task time / window)', `${(h2.stream.mainThreadBusyShare * 100).toFixed(1)} %`, `${(h1.stream.mainThreadBusyShare * 100).toFixed(1)} %`, ratio(h1.stream.mainThreadBusyShare, h2.stream.mainThreadBusyShare), ''],
    ['  script time (ms)', String(round(h2.stream.scriptMs)), String(round(h1.stream.scriptMs)), ratio(h1.stream.scriptMs, h2.stream.scriptMs), ''],
    [`  machine busy cores (of ${availableParallelism()})`, String(h2.streamMachineBusyCores), String(h1.streamMachineBusyCores), '', ''],
    [`trades page, ${seeded.trades} trades: nav → first row, median (ms)`, String(h2.journal.tradesFirstRowMedianMs), String(h1.journal.tradesFirstRowMedianMs), ratio(h1.journal.tradesFirstRowMedianMs, h2.journal.tradesFirstRowMedianMs), `≤ ${BUDGETS.tradesFirstRowMedianMs} ${ok(h2.journal.tradesFirstRowMedianMs <= BUDGETS.tradesFirstRowMedianMs)}/${ok(h1.journal.tradesFirstRowMedianMs <= BUDGETS.tradesFirstRowMedianMs)}`],
    ['  nav → every trade loaded, median (ms)', String(h2.journal.tradesAllLoadedMedianMs), String(h1.journal.tradesAllLoadedMedianMs), ratio(h1.journal.tradesAllLoadedMedianMs, h2.journal.tradesAllLoadedMedianMs), ''],
    [`  scroll top → bottom in ${h2.journal.scroll.steps} steps: long tasks`, String(h2.journal.scroll.longTasks), String(h1.journal.scroll.longTasks), '', `≤ ${BUDGETS.scrollLongTasks} ${ok(h2.journal.scroll.longTasks <= BUDGETS.scrollLongTasks)}/${ok(h1.journal.scroll.longTasks <= BUDGETS.scrollLongTasks)}`],
    ['  scroll: longest task (ms) · rows in the DOM at most', `${round(h2.journal.scroll.longestTaskMs)} · ${h2.journal.scroll.maxRowsInDom}`, `${round(h1.journal.scroll.longestTaskMs)} · ${h1.journal.scroll.maxRowsInDom}`, '', ''],
    ['analytics page: nav → first figure, median (ms)', String(h2.journal.analyticsFirstFigureMedianMs), String(h1.journal.analyticsFirstFigureMedianMs), ratio(h1.journal.analyticsFirstFigureMedianMs, h2.journal.analyticsFirstFigureMedianMs), `≤ ${BUDGETS.analyticsFirstFigureMedianMs} ${ok(h2.journal.analyticsFirstFigureMedianMs <= BUDGETS.analyticsFirstFigureMedianMs)}/${ok(h1.journal.analyticsFirstFigureMedianMs <= BUDGETS.analyticsFirstFigureMedianMs)}`],
    ['  nav → equity chart drawn, median (ms)', String(h2.journal.analyticsChartMedianMs), String(h1.journal.analyticsChartMedianMs), ratio(h1.journal.analyticsChartMedianMs, h2.journal.analyticsChartMedianMs), ''],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) lines.push(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  lines.push('');
  const redrawMs = await spotRedrawMs();
  lines.push(...riskGraphTable(options, h2, h1, redrawMs));
  lines.push('');
  const checks = {
    initialJs: bundle.jsGzipBytes <= BUDGETS.initialJsGzipBytes,
    firstTickH2: h2.firstTickMedianMs <= BUDGETS.firstTickMedianMs,
    firstTickHttp1: h1.firstTickMedianMs <= BUDGETS.firstTickMedianMs,
    tradesFirstRow: results.every((r) => r.journal.tradesFirstRowMedianMs <= BUDGETS.tradesFirstRowMedianMs),
    tradesScrollLongTasks: results.every((r) => r.journal.scroll.longTasks <= BUDGETS.scrollLongTasks),
    analyticsFirstFigure: results.every((r) => r.journal.analyticsFirstFigureMedianMs <= BUDGETS.analyticsFirstFigureMedianMs),
    riskGraphLongTasks: results.every((r) => r.riskGraph.loaded !== undefined && r.riskGraph.loaded.longTasks <= BUDGETS.riskGraphLongTasks),
    riskGraphFps: results.every((r) => r.riskGraph.loaded !== undefined && r.riskGraph.loaded.frames.framesPerSec >= BUDGETS.riskGraphFpsMin),
  };
  const missed = Object.entries(checks).filter(([, pass]) => !pass).map(([name]) => name);
  lines.push(`budgets: ${Object.keys(checks).length - missed.length} of ${Object.keys(checks).length} met${missed.length === 0 ? '' : ` — not met: ${missed.join(', ')}`}`);
  lines.push('caveat: one noisy 2-core machine running the whole stack, the browser and the publisher; compare the two columns of the same run.');
  console.log(lines.join('\n'));

  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `ui-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const json = {
    meta: { startedAt: startedAt.toISOString(), node: process.version, chromium: chromiumVersion, cpus: availableParallelism(), options, budgets: BUDGETS },
    bundle: { ...bundle, withinBudget: bundle.jsGzipBytes <= BUDGETS.initialJsGzipBytes, lazy, lazyGzipBytes: lazy.reduce((s, a) => s + a.gzipBytes, 0) },
    transports: results,
    ratios: {
      firstTickMedian: h1.firstTickMedianMs / h2.firstTickMedianMs,
      totalBlockingTime: h2.stream.totalBlockingMs === 0 ? null : h1.stream.totalBlockingMs / h2.stream.totalBlockingMs,
      framesPerSec: h1.stream.framesPerSec / h2.stream.framesPerSec,
      mainThreadBusy: h1.stream.mainThreadBusyShare / h2.stream.mainThreadBusyShare,
      riskGraphLoadedToBaseline: Object.fromEntries(results.map((r) => [r.id, riskCost(r.riskGraph)])),
    },
    checks,
    budgetsMissed: missed,
    riskGraph: { spotRedrawMs: redrawMs, viewport: RISK_VIEWPORT },
    journal: { trades: seeded.trades, importMs: round(seeded.importMs) },
  };
  await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`JSON: ${path.relative(process.cwd(), file)}`);
  if (options.strict && missed.length > 0) process.exitCode = 2;
}

main().catch(async (error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  await cleanupAll();
  process.exitCode = 1;
});
