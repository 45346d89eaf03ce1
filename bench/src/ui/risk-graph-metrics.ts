import type { Page } from 'playwright-core';
import { machineBusySeconds } from '../fanout/proc-stats.js';
import { frameGaps, type FrameGaps } from './frame-gaps.js';
import { startStreamWindow, type StreamWindow } from './page-metrics.js';
import { pickRiskTiles } from './risk-tiles.js';

const POSITION = '[data-testid=whatif-position]';
const TILE = '[data-testid=heatmap] [data-tile]';

/**
 * Puts what-if positions into the risk graph until it holds `count`, by clicking heatmap tiles as a
 * trader does (distinct tiles near the money, see pickRiskTiles). A tile can leave the grid between
 * reading the keys and clicking, so the picks are read again after every miss. Returns the tiles
 * the risk graph then holds.
 */
export async function fillRiskGraph(page: Page, symbol: string, count: number, timeoutMs = 30_000 + 5_000 * count): Promise<string[]> {
  await page
    .locator(TILE)
    .first()
    .waitFor({ state: 'attached', timeout: timeoutMs })
    .catch(async (error: unknown) => {
      const said = await page.evaluate<string>(`(document.querySelector('[data-testid=heatmap]') || { textContent: 'no heatmap on the page' }).textContent.slice(0, 200)`);
      throw new Error(`risk graph: no ${symbol} heatmap tile to add within ${timeoutMs} ms; the heatmap says "${said}"`, { cause: error });
    });
  const deadline = Date.now() + timeoutMs;
  // Tiles already in the risk graph count as clicked: a second call adds to the book, never a duplicate.
  const inRisk = (): Promise<string[]> => page.evaluate<string[]>(`[...document.querySelectorAll('${POSITION}')].map((p) => p.getAttribute('data-tile') || '').filter(Boolean)`);
  const clicked = new Set<string>(await inRisk());
  while ((await page.locator(POSITION).count()) < count) {
    if (Date.now() > deadline) throw new Error(`risk graph: ${await page.locator(POSITION).count()} of ${count} positions after ${timeoutMs} ms (clicked ${[...clicked].join(', ')})`);
    const spot = Number(await page.locator(`[data-testid=spot-${symbol}]`).getAttribute('data-price'));
    const keys = await page.evaluate<string[]>(`[...document.querySelectorAll('${TILE}')].map((c) => c.getAttribute('data-tile') || '')`);
    const [next] = pickRiskTiles(keys, spot, 1, clicked);
    if (next === undefined) throw new Error(`risk graph: the ${symbol} heatmap has only ${clicked.size} tiles to add, ${count} asked`);
    clicked.add(next);
    const before = await page.locator(POSITION).count();
    // dispatchEvent, not click(): the tile tooltip follows the pointer and may cover the next cell.
    await page.locator(`[data-testid=heatmap] [data-tile="${next}"]`).dispatchEvent('click', undefined, { timeout: 5_000 }).catch(() => undefined);
    await page.locator(POSITION).nth(before).waitFor({ state: 'attached', timeout: 5_000 }).catch(() => undefined);
  }
  return inRisk();
}

/**
 * Installed at the window's start (the risk graph must be on the page): a MutationObserver on the
 * risk graph counting the DOM commits that touch it, the distinct animation frames they land in
 * (redraws), the P&L-today readout's `data-value` changes and today's curve's `d` changes, and a
 * rAF loop recording every frame's timestamp for the gaps. Strings: they run in the page.
 */
const START_RISK_WINDOW = `(() => {
  const root = document.querySelector('[data-testid=risk-graph]');
  if (!root) return false;
  const r = { start: performance.now(), stamps: [], frame: 0, lastRedrawFrame: -1, commits: 0, redraws: 0, pnlChanges: 0, todayPathChanges: 0, stopped: false };
  window.__riskBench = r;
  const tick = (t) => { if (r.stopped) return; r.frame += 1; r.stamps.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  r.observer = new MutationObserver((records) => {
    r.commits += 1;
    if (r.lastRedrawFrame !== r.frame) { r.redraws += 1; r.lastRedrawFrame = r.frame; }
    for (const m of records) {
      if (m.type !== 'attributes') continue;
      const el = m.target;
      if (m.attributeName === 'data-value' && el.getAttribute('data-testid') === 'risk-pnl-today') r.pnlChanges += 1;
      else if (m.attributeName === 'd' && el.classList && el.classList.contains('rg-today')) r.todayPathChanges += 1;
    }
  });
  r.observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  return true;
})()`;

const READ_RISK_WINDOW = `(() => {
  const r = window.__riskBench;
  r.stopped = true;
  r.observer.disconnect();
  const root = document.querySelector('[data-testid=risk-graph]');
  const pnl = document.querySelector('[data-testid=risk-pnl-today]');
  return {
    ms: performance.now() - r.start,
    stamps: r.stamps,
    commits: r.commits,
    redraws: r.redraws,
    pnlChanges: r.pnlChanges,
    todayPathChanges: r.todayPathChanges,
    positions: document.querySelectorAll('${POSITION}').length,
    todayCurves: root ? root.querySelectorAll('path.rg-today').length : 0,
    pnlToday: pnl ? pnl.getAttribute('data-value') : null,
  };
})()`;

export interface RiskGraphWindow {
  positions: number;
  /** Spot events appended during the window, and per second of streaming. */
  published: number;
  publishFailed: number;
  ticksPerSec: number;
  /** Cores busy machine-wide (stack, browser, publisher and anyone else) while streaming. */
  machineBusyCores: number;
  /** DOM commits that touched the risk graph, and the distinct animation frames they landed in. */
  commits: number;
  redraws: number;
  redrawsPerSec: number;
  pnlChanges: number;
  todayPathChanges: number;
  /** Today's curves drawn when the window ended (1 in chart view). */
  todayCurves: number;
  frames: FrameGaps;
  longTasks: number;
  totalBlockingMs: number;
  longestTaskMs: number;
  mainThreadBusyShare: number;
  scriptMs: number;
  ms: number;
}

/** Measures the page while `stream()` publishes spot ticks; the risk graph must already hold its positions. */
export async function measureRiskGraphWindow(page: Page, stream: () => Promise<{ published: number; failed: number }>, settleMs = 250): Promise<RiskGraphWindow> {
  const base = await startStreamWindow(page);
  const started = await page.evaluate<boolean>(START_RISK_WINDOW);
  if (!started) throw new Error('risk graph: [data-testid=risk-graph] is not on the page');
  const busy0 = machineBusySeconds();
  const t0 = performance.now();
  const sent = await stream();
  const streamSeconds = (performance.now() - t0) / 1000;
  const machineBusyCores = (machineBusySeconds() - busy0) / streamSeconds;
  await new Promise((r) => setTimeout(r, settleMs)); // the last events in flight
  const risk = await page.evaluate<{ ms: number; stamps: number[]; commits: number; redraws: number; pnlChanges: number; todayPathChanges: number; positions: number; todayCurves: number }>(READ_RISK_WINDOW);
  const w: Omit<StreamWindow, 'published' | 'publishFailed'> = await base.read();
  const seconds = risk.ms / 1000;
  return {
    positions: risk.positions,
    published: sent.published,
    publishFailed: sent.failed,
    ticksPerSec: sent.published / streamSeconds,
    machineBusyCores,
    commits: risk.commits,
    redraws: risk.redraws,
    redrawsPerSec: risk.redraws / seconds,
    pnlChanges: risk.pnlChanges,
    todayPathChanges: risk.todayPathChanges,
    todayCurves: risk.todayCurves,
    frames: frameGaps(risk.stamps, risk.ms),
    longTasks: w.longTasks,
    totalBlockingMs: w.totalBlockingMs,
    longestTaskMs: w.longestTaskMs,
    mainThreadBusyShare: w.mainThreadBusyShare,
    scriptMs: w.scriptMs,
    ms: risk.ms,
  };
}
