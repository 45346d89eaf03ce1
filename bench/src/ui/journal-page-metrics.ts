import type { BrowserContext, Page } from 'playwright-core';

/**
 * Installed before any page script: the moment (ms since navigation start) each watched element
 * first appears, taken by a MutationObserver in the page rather than by polling from the test, so
 * the figure carries no polling delay. Also records long tasks, for the scroll window.
 */
export const instrumentJournalPage = (expectedTrades = 0): string => `(() => {
  const b = { seen: {}, longTasks: [] };
  window.__journalBench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    b.longTaskSupport = false;
  }
  const watched = {
    firstRow: '[data-testid=trades-row]',
    allRows: '[data-testid=trades-total-count][data-value="${expectedTrades}"]',
    firstFigure: '[data-testid^=figure-]',
    equityChart: '[data-testid=equity-chart] canvas',
  };
  const check = () => {
    for (const [name, selector] of Object.entries(watched)) {
      if (b.seen[name] === undefined && document.querySelector(selector)) b.seen[name] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-value'] });
})();`;

export interface JournalPageLoad {
  /** Navigation start → the element watched first appeared (first trade row, or first analytics figure). */
  firstRenderMs: number;
  /** Trades page: navigation start → the totals say every trade is loaded; analytics: → the equity chart drawn. */
  completeMs: number;
}

type Seen = Partial<Record<'firstRow' | 'allRows' | 'firstFigure' | 'equityChart', number>>;

async function seen(page: Page, names: readonly (keyof Seen)[], timeoutMs: number): Promise<Seen> {
  await page.waitForFunction(
    (wanted: readonly string[]) => {
      const b = (globalThis as unknown as { __journalBench?: { seen: Record<string, number> } }).__journalBench;
      return b !== undefined && wanted.every((name) => b.seen[name] !== undefined);
    },
    names,
    { timeout: timeoutMs, polling: 50 },
  );
  return page.evaluate<Seen>('window.__journalBench.seen');
}

/** One fresh load of `/trades?log=…` in a new context: first row on screen, then all `expected` trades loaded. */
export async function timeTradesPage(newContext: () => Promise<BrowserContext>, logId: string, expected: number, timeoutMs = 60_000): Promise<JournalPageLoad> {
  const context = await newContext();
  try {
    await context.addInitScript(instrumentJournalPage(expected));
    const page = await context.newPage();
    await page.goto(`/trades?log=${encodeURIComponent(logId)}`);
    const times = await seen(page, ['firstRow', 'allRows'], timeoutMs);
    return { firstRenderMs: times.firstRow ?? NaN, completeMs: times.allRows ?? NaN };
  } finally {
    await context.close();
  }
}

/** One fresh load of `/analytics?log=…`: first figure on screen, then the equity chart drawn. */
export async function timeAnalyticsPage(newContext: () => Promise<BrowserContext>, logId: string, timeoutMs = 60_000): Promise<JournalPageLoad> {
  const context = await newContext();
  try {
    await context.addInitScript(instrumentJournalPage());
    const page = await context.newPage();
    await page.goto(`/analytics?log=${encodeURIComponent(logId)}`);
    const times = await seen(page, ['firstFigure', 'equityChart'], timeoutMs);
    return { firstRenderMs: times.firstFigure ?? NaN, completeMs: times.equityChart ?? NaN };
  } finally {
    await context.close();
  }
}

export interface ScrollWindow {
  ms: number;
  steps: number;
  /** Rows the list had in the DOM at most while scrolling (virtualised: a screenful, not 10,000). */
  maxRowsInDom: number;
  longTasks: number;
  longestTaskMs: number;
  totalBlockingMs: number;
}

/**
 * With every trade loaded, scrolls the list from top to bottom in `steps` wheel-sized jumps, one
 * per animation frame pair, and counts the long tasks the page had meanwhile.
 */
export async function scrollTradesPage(newContext: () => Promise<BrowserContext>, logId: string, expected: number, steps = 120, timeoutMs = 60_000): Promise<ScrollWindow> {
  const context = await newContext();
  try {
    await context.addInitScript(instrumentJournalPage(expected));
    const page = await context.newPage();
    await page.goto(`/trades?log=${encodeURIComponent(logId)}`);
    await seen(page, ['firstRow', 'allRows'], timeoutMs);
    await page.waitForTimeout(500); // the last page's render settles before the window opens
    return await page.evaluate<ScrollWindow>(`(async () => {
      const b = window.__journalBench;
      const list = document.querySelector('.trades-scroll');
      if (!list) throw new Error('no .trades-scroll list on the trades page');
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const count = ${steps};
      const start = performance.now();
      const jump = (list.scrollHeight - list.clientHeight) / count;
      let maxRowsInDom = 0;
      for (let i = 1; i <= count; i++) {
        list.scrollTop = jump * i;
        await frame();
        maxRowsInDom = Math.max(maxRowsInDom, document.querySelectorAll('[data-testid=trades-row]').length);
      }
      const tasks = b.longTasks.filter((t) => t.start >= start);
      return {
        ms: performance.now() - start,
        steps: count,
        maxRowsInDom,
        longTasks: tasks.length,
        longestTaskMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
        totalBlockingMs: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
      };
    })()`);
  } finally {
    await context.close();
  }
}
