import type { BrowserContext, Page } from 'playwright-core';

/** The mark the SPA sets when the first live price renders (ui/src/workspace/SpotStrip.tsx). */
export const FIRST_TICK_MARK = 'ms:first-tick';

/**
 * Installed with `addInitScript` before any page script: records every long task (> 50 ms on the
 * main thread) and counts animation frames and rendered SPX price changes. Strings, because they
 * run in the page (this package is compiled without DOM types).
 */
export const INSTRUMENT_PAGE = `(() => {
  const b = { longTasks: [], frames: 0, priceUpdates: 0, windowStart: 0, framesAtStart: 0, longTaskSupport: true };
  window.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    b.longTaskSupport = false;
  }
  const frame = () => { b.frames += 1; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  new MutationObserver((records) => {
    for (const r of records) if (r.target.getAttribute && r.target.getAttribute('data-testid') === 'spot-SPX') b.priceUpdates += 1;
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-price'] });
})();`;

const START_WINDOW = `(() => {
  const b = window.__bench;
  b.windowStart = performance.now();
  b.framesAtStart = b.frames;
  b.priceUpdates = 0;
  return b.longTaskSupport;
})()`;

const READ_WINDOW = `(() => {
  const b = window.__bench;
  const ms = performance.now() - b.windowStart;
  const tasks = b.longTasks.filter((t) => t.start >= b.windowStart);
  return {
    ms,
    frames: b.frames - b.framesAtStart,
    longTasks: tasks.length,
    totalBlockingMs: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    longestTaskMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
    priceUpdates: b.priceUpdates,
  };
})()`;

/**
 * Waits for the first-tick mark. A function, not a string: the page's CSP (script-src 'self')
 * forbids the eval Playwright would use for a string predicate.
 */
export async function waitForFirstTick(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction((mark: string) => performance.getEntriesByName(mark).length > 0, FIRST_TICK_MARK, { timeout: timeoutMs, polling: 20 });
}

export interface LoadTiming {
  /** `performance.getEntriesByName('ms:first-tick')[0].startTime`: navigation start → first live price on screen. */
  firstTickMs: number;
  /** Navigation start → DOMContentLoaded end, for context. */
  domContentLoadedMs: number;
  /** Navigation start → the last script (entry and lazy chunks) received. */
  scriptsLoadedMs: number;
  /** Navigation start → the session check (`/api/auth/me`) answered. */
  sessionCheckedMs: number;
  protocol: string;
  transport: string;
  streams: number;
  /** Every script the page requested (same origin paths), in order. */
  scripts: string[];
}

/** One fresh page load in a new context (no HTTP cache, new connection) of a signed-in user. */
export async function timeFreshLoad(newContext: () => Promise<BrowserContext>, timeoutMs = 20_000): Promise<LoadTiming> {
  const context = await newContext();
  try {
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (req) => {
      if (req.resourceType() === 'script') scripts.push(new URL(req.url()).pathname);
    });
    await page.goto('/');
    await waitForFirstTick(page, timeoutMs);
    const timing = await page.evaluate<{ firstTickMs: number; domContentLoadedMs: number; scriptsLoadedMs: number; sessionCheckedMs: number; protocol: string }>(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource');
      const scripts = resources.filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'));
      const me = resources.find((r) => r.name.includes('/api/auth/me'));
      return {
        scriptsLoadedMs: scripts.reduce((max, r) => Math.max(max, r.responseEnd), 0),
        sessionCheckedMs: me ? me.responseEnd : NaN,
        firstTickMs: performance.getEntriesByName('${FIRST_TICK_MARK}')[0].startTime,
        domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : NaN,
        protocol: nav ? nav.nextHopProtocol : '',
      };
    })()`);
    const transport = page.locator('[data-testid=transport]');
    await transport.waitFor({ timeout: timeoutMs });
    return {
      ...timing,
      transport: (await transport.getAttribute('data-transport')) ?? '',
      streams: Number(await transport.getAttribute('data-streams')),
      scripts,
    };
  } finally {
    await context.close();
  }
}

export interface StreamWindow {
  ms: number;
  frames: number;
  framesPerSec: number;
  longTasks: number;
  totalBlockingMs: number;
  longestTaskMs: number;
  /** SPX `data-price` changes the page rendered during the window. */
  priceUpdates: number;
  /** Main-thread time Chromium spent on tasks and on script, from CDP Performance.getMetrics. */
  taskMs: number;
  scriptMs: number;
  /** taskMs ÷ window: share of the renderer main thread that was busy. */
  mainThreadBusyShare: number;
  published: number;
  publishFailed: number;
}

export async function startStreamWindow(page: Page): Promise<{ read(): Promise<Omit<StreamWindow, 'published' | 'publishFailed'>> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => list.find((m) => m.name === name)?.value ?? 0;
    return { task: get('TaskDuration'), script: get('ScriptDuration') };
  };
  const before = await metrics();
  const supported = await page.evaluate<boolean>(START_WINDOW);
  if (!supported) throw new Error("this Chromium has no PerformanceObserver type 'longtask'");
  return {
    read: async () => {
      const w = await page.evaluate<{ ms: number; frames: number; longTasks: number; totalBlockingMs: number; longestTaskMs: number; priceUpdates: number }>(READ_WINDOW);
      const after = await metrics();
      await cdp.detach();
      const taskMs = (after.task - before.task) * 1000;
      return {
        ...w,
        framesPerSec: w.frames / (w.ms / 1000),
        taskMs,
        scriptMs: (after.script - before.script) * 1000,
        mainThreadBusyShare: taskMs / w.ms,
      };
    },
  };
}
