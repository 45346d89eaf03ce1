import { type TestStack } from '@marketswarm/shared/testing';
import { sharedTestStack } from './shared-stack.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attributeOfAll,
  freshAccount,
  launchChromium,
  navigationProtocol,
  newStackContext,
  recordPageErrors,
  saveScreenshot,
  signInFreshAccount,
  timedFetch,
  userIdOf,
  waitFor,
} from './browser.js';

/** Budget for a REST call while the page holds its streams open (the figure). */
const FETCH_BUDGET_MS = 200;
/** Vexy seqs this file publishes live far above anything the stack's producers use. */
const PRIVATE_SEQ_BASE = 50_000_000;

/**
 * Installed before any page script runs: keeps every EventSource the page creates (to check they
 * are all closed after sign-out) and records each pulse state the header shows, so a reconnect
 * that lasts a few hundred milliseconds is not missed by polling from the test.
 */
const INSTRUMENT = `(() => {
  const Native = window.EventSource;
  const sources = [];
  window.__e2eEventSources = sources;
  window.EventSource = class extends Native {
    constructor(url, init) { super(url, init); sources.push(this); }
  };
  const states = [];
  window.__e2ePulseStates = states;
  const toasts = [];
  window.__e2eToasts = toasts;
  const record = () => {
    const pulse = document.querySelector('[data-testid=pulse]');
    const state = pulse ? pulse.getAttribute('data-state') : null;
    if (state && states[states.length - 1] !== state) states.push(state);
    for (const toast of document.querySelectorAll('[data-testid=toast]')) {
      const text = toast.textContent || '';
      if (!toasts.includes(text)) toasts.push(text);
    }
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})();`;

const evalJson = <T>(page: Page, expression: string): Promise<T> => page.evaluate<T>(expression);
const pulseStates = (page: Page): Promise<string[]> => evalJson(page, 'window.__e2ePulseStates ?? []');
const attr = (page: Page, selector: string, name: string): Promise<string | null> => page.locator(selector).first().getAttribute(name);

async function expectPulse(page: Page, state: string, timeoutMs = 15_000): Promise<void> {
  await page.locator(`[data-testid=pulse][data-state=${state}]`).waitFor({ timeout: timeoutMs });
}

/** Waits for a first SPX price, then measures how long until the next different one. */
async function spotChange(page: Page, withinMs: number): Promise<{ before: string; after: string; ms: number }> {
  const spot = page.locator('[data-testid=spot-SPX]');
  await spot.waitFor({ timeout: 15_000 });
  const before = await waitFor('a first SPX price', 15_000, async () => (await spot.getAttribute('data-price')) || undefined, 50);
  const started = Date.now();
  const after = await waitFor(`SPX data-price to change within ${withinMs} ms`, withinMs, async () => {
    const now = await spot.getAttribute('data-price');
    return now && now !== before ? now : undefined;
  }, 50);
  return { before, after, ms: Date.now() - started };
}

/**
 * Five REST calls from the page while its streams are open. The median is held to the budget: one
 * call may land behind a GC pause on a busy CI machine, while the failure this guards against — a
 * connection pool starved by EventSources — stalls every call for seconds.
 */
async function fetchesWhileStreaming(page: Page): Promise<{ all: number[]; statuses: number[]; medianMs: number }> {
  const results: Array<{ ms: number; status: number }> = [];
  for (let i = 0; i < 5; i++) results.push(await timedFetch(page, '/api/auth/me'));
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  return { all: results.map((r) => r.ms), statuses: results.map((r) => r.status), medianMs: sorted[2]! };
}

async function streamsOpen(page: Page, atLeast: number): Promise<number> {
  const transport = page.locator('[data-testid=transport]');
  return waitFor(`${atLeast}+ open streams`, 15_000, async () => {
    const n = Number(await transport.getAttribute('data-streams'));
    return n >= atLeast ? n : undefined;
  });
}

describe('the workspace in Chromium through nginx', () => {
  let stack: TestStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  /** A context with the instrumentation; `account` signs up over the API first. */
  async function openContext(target: Browser = browser): Promise<BrowserContext> {
    const context = await newStackContext(target, stack.nginxUrl);
    await context.addInitScript(INSTRUMENT);
    contexts.push(context);
    return context;
  }

  /** A fresh account's workspace, live. */
  async function openWorkspace(prefix: string, options: { target?: Browser; query?: string } = {}): Promise<Page> {
    const context = await openContext(options.target);
    await signInFreshAccount(stack, context, freshAccount(prefix));
    const page = await context.newPage();
    recordPageErrors(page, errors);
    await page.goto(`/${options.query ?? ''}`);
    await page.locator('[data-testid=workspace]').waitFor({ timeout: 30_000 });
    await expectPulse(page, 'live', 30_000);
    return page;
  }

  beforeAll(async () => {
    stack = await sharedTestStack();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await browser?.close();
    await stack?.stop();
  });

  it('signs up through the UI and shows a live workspace over HTTP/2, one stream per topic', async () => {
    const context = await openContext();
    const page = await context.newPage();
    recordPageErrors(page, errors);
    await page.goto('/');
    await page.waitForURL(/\/signin/);
    await page.locator('[data-testid=signin-form]').waitFor();
    await page.locator('[data-testid=to-signup]').click();
    await page.waitForURL(/\/signup/);
    const form = page.locator('[data-testid=signup-form]');
    const account = freshAccount('ui');
    await form.locator('input[name=email]').fill(account.email);
    await form.locator('input[name=password]').fill(account.password);
    await form.locator('button[type=submit]').click();

    const workspace = page.locator('[data-testid=workspace]');
    await workspace.waitFor({ timeout: 30_000 });
    expect(await workspace.getAttribute('data-symbol')).toBe('SPX');
    await expectPulse(page, 'live', 30_000);
    const change = await spotChange(page, 2000);
    expect(change.after).not.toBe(change.before);
    expect(await attr(page, '[data-testid=pulse]', 'data-state')).toBe('live');
    expect(await navigationProtocol(page)).toBe('h2');
    expect(await attr(page, '[data-testid=transport]', 'data-protocol')).toBe('h2');
    expect(await attr(page, '[data-testid=transport]', 'data-transport')).toBe('per-stream');
    expect(await streamsOpen(page, 8)).toBeGreaterThanOrEqual(8);
    await context.close();
  });

  it('answers REST at once with 8+ streams open over HTTP/2, and falls back to one multiplexed stream over HTTP/1.1', async () => {
    const h2 = await openWorkspace('h2');
    expect(await streamsOpen(h2, 8)).toBeGreaterThanOrEqual(8);
    const h2Fetches = await fetchesWhileStreaming(h2);
    console.info(`h2, ${await attr(h2, '[data-testid=transport]', 'data-streams')} streams: /api/auth/me in ${h2Fetches.all.map((ms) => ms.toFixed(1)).join(', ')} ms`);
    expect(h2Fetches.statuses).toEqual([200, 200, 200, 200, 200]);
    expect(h2Fetches.medianMs).toBeLessThan(FETCH_BUDGET_MS);
    await h2.context().close();

    const http1Browser = await launchChromium({ http1: true });
    try {
      const page = await openWorkspace('h1', { target: http1Browser });
      expect(await navigationProtocol(page)).toBe('http/1.1');
      expect(await attr(page, '[data-testid=transport]', 'data-protocol')).toBe('http/1.1');
      expect(await attr(page, '[data-testid=transport]', 'data-transport')).toBe('multiplexed');
      expect(await streamsOpen(page, 1)).toBe(1);
      const change = await spotChange(page, 2000);
      expect(change.after).not.toBe(change.before);
      const fetches = await fetchesWhileStreaming(page);
      console.info(`http/1.1, 1 multiplexed stream: /api/auth/me in ${fetches.all.map((ms) => ms.toFixed(1)).join(', ')} ms`);
      expect(fetches.statuses).toEqual([200, 200, 200, 200, 200]);
      expect(fetches.medianMs).toBeLessThan(FETCH_BUDGET_MS);
      expect(Number(await attr(page, '[data-testid=transport]', 'data-streams'))).toBe(1);
    } finally {
      await http1Browser.close();
    }
  });

  it('rides out a gateway crash without a reload, showing every event exactly once', async () => {
    const page = await openWorkspace('resume');
    await page.evaluate('window.__e2eNoReload = "still here"');
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));

    const vexy = (seq: number) => ({ text: `e2e resume ${seq - PRIVATE_SEQ_BASE}`, kind: 'e2e', seq });
    const publishRange = (from: number, to: number) => stack.publish('vexy', Array.from({ length: to - from }, (_, i) => vexy(PRIVATE_SEQ_BASE + from + i)));
    const shown = async (): Promise<string[]> => attributeOfAll(page.locator('[data-testid=vexy-item]'), 'data-seq');
    const privateShown = async (): Promise<number[]> => (await shown()).map(Number).filter((n) => n >= PRIVATE_SEQ_BASE).sort((a, b) => a - b);

    // Before: three items, seen live.
    await publishRange(0, 3);
    await waitFor('the first three items', 10_000, async () => ((await privateShown()).length >= 3 ? true : undefined));

    const before = await stack.pm2Process('fotw-sse');
    expect(before?.status).toBe('online');
    process.kill(before!.pid, 'SIGKILL');
    // While it is down (published straight into Redis, within milliseconds of the kill).
    await publishRange(3, 6);
    await waitFor('the pulse to show reconnecting', 15_000, async () => ((await pulseStates(page)).includes('reconnecting') ? true : undefined), 20);

    const after = await waitFor('pm2 to restart the gateway', 30_000, async () => {
      const row = await stack.pm2Process('fotw-sse');
      return row && row.pid !== before!.pid && row.status === 'online' ? row : undefined;
    });
    expect(after.restarts).toBeGreaterThan(before!.restarts);
    await expectPulse(page, 'live', 30_000);
    // After: three more, on the resumed streams.
    await publishRange(6, 9);

    const expected = Array.from({ length: 9 }, (_, i) => PRIVATE_SEQ_BASE + i);
    await waitFor('all nine private items', 20_000, async () => ((await privateShown()).length >= 9 ? true : undefined));
    await new Promise((r) => setTimeout(r, 1000)); // a late duplicate would arrive now
    const all = await shown();
    const numbered = all.filter((s) => s !== '');
    expect(new Set(numbered).size, `duplicate data-seq among ${numbered.join(',')}`).toBe(numbered.length);
    expect(await privateShown()).toEqual(expected);
    expect(await page.evaluate('window.__e2eNoReload')).toBe('still here');
    expect(navigations).toEqual([]);
    expect(await pulseStates(page)).toContain('reconnecting');
    expect(await attr(page, '[data-testid=pulse]', 'data-state')).toBe('live');
    await page.context().close();
  });

  let riskPage: Page | undefined;

  it('adds a what-if position from a heatmap tile and reprices it as the spot slider moves', async () => {
    const page = await openWorkspace('risk');
    riskPage = page;
    const tile = page.locator('[data-testid=heatmap] [data-tile]').first();
    await tile.waitFor({ timeout: 30_000 });
    const key = await tile.getAttribute('data-tile');
    expect(key).toMatch(/^[a-z-]+:\d+:[\d.]+:[\d.]+$/);
    await tile.click();

    await expect.poll(() => page.locator('[data-testid=whatif-position]').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const graph = page.locator('[data-testid=risk-graph]');
    const breakevens = await waitFor('breakevens', 10_000, async () => (await graph.getAttribute('data-breakevens')) || undefined);
    for (const b of breakevens.split(',')) expect(b.trim()).toMatch(/^-?\d+\.\d{2}$/);

    const pnl = page.locator('[data-testid=risk-pnl-today]');
    const pnlBefore = await waitFor('a P&L today', 10_000, async () => (await pnl.getAttribute('data-value')) ?? undefined);
    const slider = page.locator('[data-testid=slider-spot]');
    const [min, max, value] = await Promise.all([slider.getAttribute('min'), slider.getAttribute('max'), slider.inputValue()]);
    const target = Number(value) < (Number(min) + Number(max)) / 2 ? max : min;
    await slider.fill(String(target));
    const pnlAfter = await waitFor('P&L today to change', 5_000, async () => {
      const now = await pnl.getAttribute('data-value');
      return now !== null && now !== pnlBefore ? now : undefined;
    }).catch(async () => {
      // Some range inputs only react to key presses: walk it with the keyboard instead.
      await slider.focus();
      for (let i = 0; i < 20; i++) await slider.press(target === max ? 'ArrowRight' : 'ArrowLeft');
      return waitFor('P&L today to change (keyboard)', 5_000, async () => {
        const now = await pnl.getAttribute('data-value');
        return now !== null && now !== pnlBefore ? now : undefined;
      });
    });
    expect(Number.isFinite(Number(pnlAfter))).toBe(true);
    expect(pnlAfter).not.toBe(pnlBefore);
  });

  it('saves a full-page screenshot of the workspace', async () => {
    const page = riskPage ?? (await openWorkspace('shot'));
    const file = await saveScreenshot(page, 'workspace.png');
    console.info(`screenshot: ${file}`);
    await page.context().close();
  });

  it('renders hostile intel HTML inert: no script, no images, formatting kept', async () => {
    const page = await openWorkspace('xss');
    const id = `e2e-xss-${Date.now()}`;
    await stack.publish('intel', [
      {
        id,
        title: 'E2E sanitization check',
        source: 'e2e',
        link: 'javascript:window.__xss=3',
        summary: '<p>Before <img src=x onerror="window.__xss=1"><b>bold</b> <a href="javascript:window.__xss=2">click</a> <script>window.__xss=4</script>after</p>',
        tickers: ['SPX'],
        published: Date.now(),
      },
    ]);
    const item = page.locator(`[data-testid=intel-item][data-id="${id}"]`);
    await item.waitFor({ timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 500)); // an onerror would have fired by now
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    expect(await page.locator('[data-testid=intel-item] img').count()).toBe(0);
    expect(await page.locator('[data-testid=intel-item] script').count()).toBe(0);
    expect(await item.locator('b').first().textContent()).toBe('bold');
    const hrefs = await attributeOfAll(item.locator('a'), 'href');
    expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    await page.context().close();
  });

  it("applies the chart library's hashed inline style and refuses, and reports, any other", async () => {
    const page = await openWorkspace('csp');
    // lightweight-charts' attribution <style> is allowed by its hash: the logo it positions is absolute.
    await page.locator('#tv-attr-logo').waitFor({ state: 'attached', timeout: 15_000 });
    expect(await page.evaluate("getComputedStyle(document.getElementById('tv-attr-logo')).position")).toBe('absolute');
    // The heatmap marks the spot row from a constructed stylesheet, which the CSP does not govern.
    const marked = await waitFor('the heatmap to mark the spot row', 15_000, async () => {
      const n = await page.evaluate<number>("[...document.querySelectorAll('.hm-row[data-strike]')].filter((r) => getComputedStyle(r).getPropertyValue('--hm-spot').trim() === '1').length");
      return n > 0 ? n : undefined;
    });
    expect(marked).toBe(1);
    await page.context().close();

    // A page of its own, so the refusal it provokes stays out of the run's `errors`.
    const probe = await (await openContext()).newPage();
    const complaints: string[] = [];
    recordPageErrors(probe, complaints);
    await probe.goto('/signin');
    await probe.locator('[data-testid=signin-form]').waitFor();
    const outline = await probe.evaluate(`(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 5px solid red }';
      document.head.append(style);
      return getComputedStyle(document.body).outlineStyle;
    })()`);
    expect(outline).toBe('none');
    const reported = await waitFor('a CSP complaint on the console', 5_000, () => Promise.resolve(complaints.length > 0 ? complaints : undefined));
    expect(reported.join('\n')).toMatch(/Content Security Policy.*style-src/);
    await probe.context().close();
  });

  it("delivers a user's alert only to that user, and sign-out closes every stream", async () => {
    const a = await openWorkspace('alert-a');
    const b = await openWorkspace('alert-b');
    const aId = await userIdOf(a);
    expect(aId).not.toBe(await userIdOf(b));
    const message = `e2e alert for A ${Date.now()}`;
    const published = await stack.admin(['publish', 'alerts', JSON.stringify({ id: `e2e-${Date.now()}`, message, severity: 'warning' }), '--user', aId, '--type', 'fired']);
    expect(published.code, published.stderr).toBe(0);

    const toast = a.locator('[data-testid=toast]', { hasText: message });
    await toast.first().waitFor({ timeout: 10_000 });
    expect(await toast.first().getAttribute('data-severity')).toBe('warning');
    expect(Number(await attr(a, '[data-testid=alerts-bell]', 'data-unread'))).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 1500)); // B had as long as A, and more
    expect(await b.locator('[data-testid=toast]', { hasText: message }).count()).toBe(0);
    expect((await evalJson<string[]>(b, 'window.__e2eToasts')).filter((t) => t.includes(message))).toEqual([]);
    expect(Number((await attr(b, '[data-testid=alerts-bell]', 'data-unread')) ?? '0')).toBe(0);

    await a.locator('[data-testid=signout]').click();
    await a.waitForURL(/\/signin/, { timeout: 10_000 });
    await a.locator('[data-testid=signin-form]').waitFor();
    expect(await a.locator('[data-testid=pulse]').count()).toBe(0);
    const states = await waitFor('every EventSource closed', 5_000, async () => {
      const s = await evalJson<number[]>(a, '(window.__e2eEventSources ?? []).map((s) => s.readyState)');
      return s.length > 0 && s.every((r) => r === 2) ? s : undefined;
    });
    expect(states.length).toBeGreaterThanOrEqual(8);
    await a.goto('/');
    await a.waitForURL(/\/signin/, { timeout: 10_000 });
    // A deep link to a protected page, signed out, goes to sign-in too.
    await a.goto('/trades?log=all');
    await a.waitForURL(/\/signin/, { timeout: 10_000 });
    expect(await a.locator('[data-testid=workspace]').count()).toBe(0);
    // B is unaffected by A signing out.
    expect(await attr(b, '[data-testid=pulse]', 'data-state')).not.toBe('offline');
  });

  it('raised no uncaught error and no CSP or Permissions-Policy complaint in any page of the run', () => {
    expect(errors).toEqual([]);
  });
});
