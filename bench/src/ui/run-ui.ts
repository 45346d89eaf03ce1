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
 * Both transports run in the same process, side by side: HTTP/2 with one EventSource per stream,
 * and Chromium with `--disable-http2` (HTTP/1.1 over TLS) on the single multiplexed stream.
 */
import { mkdir, writeFile } from 'node:fs/promises';
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

const RESULTS_DIR = fileURLToPath(new URL('../../results', import.meta.url));
const DIST = path.join(repoRoot, 'ui/dist');
export const BUDGETS = { initialJsGzipBytes: 250_000, firstTickMedianMs: 1000, tradesFirstRowMedianMs: 1000, analyticsFirstFigureMedianMs: 1000, scrollLongTasks: 0 } as const;

const USAGE = `npm run bench:ui -- [options]      (or: node bench/dist/ui/run-ui.js [options])

  --loads 5        fresh page loads per transport for the first-tick median (env BENCH_UI_LOADS)
  --duration 20    seconds of streaming for the long-task window           (env BENCH_UI_DURATION)
  --rate 50        spot events per second during that window               (env BENCH_UI_RATE)
  --symbol SPX     symbol whose spot is streamed                           (env BENCH_UI_SYMBOL)
  --trades 10000   closed trades in the journal log the journal pages show  (env BENCH_UI_TRADES)
  --quick          3 loads, 5 s of streaming
  --help`;

interface Options {
  loads: number;
  durationSec: number;
  rate: number;
  symbol: string;
  trades: number;
}

function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Options | undefined {
  const flags = new Map<string, string>();
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return undefined;
    if (arg === '--quick') {
      quick = true;
      continue;
    }
    const [name = '', inline] = arg.replace(/^--/, '').split('=', 2);
    if (!arg.startsWith('--') || !['loads', 'duration', 'rate', 'symbol', 'trades'].includes(name)) throw new Error(`unexpected argument "${arg}"\n\n${USAGE}`);
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

/** Publishes `rate` spot events/s for `durationSec`, alternating two prices around `around`. */
async function streamSpots(stack: TestStack, symbol: string, around: number, rate: number, durationSec: number): Promise<{ published: number; failed: number }> {
  const total = Math.round(rate * durationSec);
  const interval = 1000 / rate;
  const started = performance.now();
  let published = 0;
  let failed = 0;
  for (let i = 0; i < total; i++) {
    const wait = started + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    try {
      await stack.publish('spot', [{ symbol, price: round(around + (i % 2 === 0 ? 0.25 : -0.25), 2), seq: i }]);
      published += 1;
    } catch {
      failed += 1;
    }
  }
  return { published, failed };
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

  const results: VariantResult[] = [];
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
    const sent = await streamSpots(stack, options.symbol, around, options.rate, options.durationSec);
    await sleep(250); // the last events in flight
    const busyCores = (machineBusySeconds() - busy0) / ((performance.now() - t0) / 1000);
    const stream: StreamWindow = { ...(await measuring.read()), published: sent.published, publishFailed: sent.failed };
    await context.close();
    const timings = loads.get(v.id)!;
    const first = timings.map((t) => t.firstTickMs);
    const journal = journalLoads.get(v.id)!;
    results.push({
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
    },
    checks: {
      initialJs: bundle.jsGzipBytes <= BUDGETS.initialJsGzipBytes,
      firstTickH2: h2.firstTickMedianMs <= BUDGETS.firstTickMedianMs,
      firstTickHttp1: h1.firstTickMedianMs <= BUDGETS.firstTickMedianMs,
      tradesFirstRow: results.every((r) => r.journal.tradesFirstRowMedianMs <= BUDGETS.tradesFirstRowMedianMs),
      tradesScrollLongTasks: results.every((r) => r.journal.scroll.longTasks <= BUDGETS.scrollLongTasks),
      analyticsFirstFigure: results.every((r) => r.journal.analyticsFirstFigureMedianMs <= BUDGETS.analyticsFirstFigureMedianMs),
    },
    journal: { trades: seeded.trades, importMs: round(seeded.importMs) },
  };
  await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`JSON: ${path.relative(process.cwd(), file)}`);
}

main().catch(async (error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  await cleanupAll();
  process.exitCode = 1;
});
