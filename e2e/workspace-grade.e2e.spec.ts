import { readFileSync } from 'node:fs';
import { type TestStack } from '@marketswarm/shared/testing';
import { sharedTestStack } from './shared-stack.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshAccount, launchChromium, newStackContext, recordPageErrors, saveScreenshot, waitFor } from './browser.js';

/** The three screens the issue names: a wall screen, a laptop, a phone. */
const VIEWPORTS = [
  { name: 'wall', width: 1600, height: 1000 },
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
type Viewport = (typeof VIEWPORTS)[number];

/** Panels whose model needs listed options: each must say at once that VIX has none. */
const OPTION_PANELS = ['heatmap', 'gex', 'mode', 'selector'] as const;

interface Clipped {
  panel: string;
  element: string;
  problem: string;
}

/**
 * Every way a shown panel's content can be cut off (e2e/fit-check.browser.js, also used by
 * run/check-fit.mjs while laying panels out): outside its panel with no scroller to reach it, a
 * gauge or chart half hidden behind its frame, or sideways scrolling where no grid is meant to.
 */
const FIND_CLIPPED = readFileSync(new URL('./fit-check.browser.js', import.meta.url), 'utf8');

describe('the trading-grade workspace in Chromium, from phone to wall screen', () => {
  let stack: TestStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  async function openWorkspace(prefix: string, viewport: { width: number; height: number } = VIEWPORTS[0], account = freshAccount(prefix)): Promise<Page> {
    const context = await newStackContext(browser, stack.nginxUrl);
    contexts.push(context);
    await stack.createAccount(account).catch(() => undefined); // the second browser of one account signs in only
    const res = await context.request.post('/api/auth/login', { data: account });
    if (!res.ok()) throw new Error(`sign in ${account.email}: ${res.status()} ${await res.text()}`);
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    recordPageErrors(page, errors);
    await page.goto('/');
    await page.locator('[data-testid=workspace]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=pulse][data-state=live]').waitFor({ timeout: 30_000 });
    return page;
  }

  /** On a phone one panel shows at a time: open the one named. */
  async function showPanel(page: Page, id: string): Promise<void> {
    const tabs = page.locator('[data-testid=panel-tabs]');
    if ((await tabs.count()) === 0) return;
    await tabs.locator(`[data-panel="${id}"]`).click();
    await page.locator(`section.ws-panel[aria-labelledby="${id}-title"]`).waitFor({ state: 'visible', timeout: 5_000 });
  }

  /** Buys a 10-wide call butterfly at the money, expiring today, from the heatmap. */
  async function addZeroDteFly(page: Page): Promise<string> {
    await showPanel(page, 'heatmap');
    const spot = Number(await waitFor('an SPX price', 15_000, async () => (await page.locator('[data-testid=spot-SPX]').getAttribute('data-price')) || undefined));
    const strike = Math.round(spot / 5) * 5;
    const key = `butterfly-call:0:10:${strike}`;
    const cell = page.locator(`[data-testid=heatmap] [data-tile="${key}"]`);
    await cell.waitFor({ timeout: 30_000 });
    // The grid scrolls the spot's row into view once, when its rows first render: a click aimed
    // before that lands on whatever row the scroll brings under the pointer.
    await page.locator('[data-testid=heatmap] [data-centred-on]').waitFor({ state: 'attached', timeout: 15_000 });
    await cell.click();
    await showPanel(page, 'risk');
    await page.locator('[data-testid=whatif-position]').first().waitFor({ timeout: 10_000 });
    return key;
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

  for (const viewport of VIEWPORTS) {
    it(`fits every panel's content inside its box at ${viewport.width}×${viewport.height} (${viewport.name}), with a screenshot`, async () => {
      const page = await openWorkspace(`fit-${viewport.name}`, viewport);
      await addZeroDteFly(page);
      const panels = await shownPanels(page, viewport);
      expect(panels.length).toBeGreaterThan(0);
      for (const id of panels) {
        await showPanel(page, id);
        // Live data in: the tallest content the panel will carry.
        await page.waitForTimeout(300);
        const clipped = await page.evaluate<Clipped[]>(FIND_CLIPPED);
        expect(clipped, `clipped in ${id} at ${viewport.width}×${viewport.height}`).toEqual([]);
        if (viewport.name === 'phone') await saveScreenshot(page, `workspace-${viewport.width}x${viewport.height}-${id}.png`);
      }
      if (viewport.name !== 'phone') {
        // On a laptop and up, every symbol of the header is on screen without scrolling the strip.
        const hidden = await page.evaluate<string[]>(`[...document.querySelectorAll('[data-testid^=spot-]')].filter((chip) => {
          const r = chip.getBoundingClientRect();
          const strip = chip.parentElement.getBoundingClientRect();
          return r.left < strip.left - 1 || r.right > strip.right + 1 || r.right > window.innerWidth;
        }).map((chip) => chip.getAttribute('data-testid'))`);
        expect(hidden, 'header symbols out of view').toEqual([]);
        await saveScreenshot(page, `workspace-${viewport.width}x${viewport.height}.png`);
      }
      await page.context().close();
    });
  }

  it('draws a 10-wide 0DTE fly with its breakevens inside the plotted range and its sliders on screen at 1280×800', async () => {
    const page = await openWorkspace('fly', VIEWPORTS[1]);
    await addZeroDteFly(page);
    const graph = page.locator('[data-testid=risk-graph]');
    const breakevens = (await waitFor('breakevens', 10_000, async () => (await graph.getAttribute('data-breakevens')) || undefined)).split(',').map(Number);
    const from = Number(await graph.getAttribute('data-axis-from'));
    const to = Number(await graph.getAttribute('data-axis-to'));
    expect(breakevens).toHaveLength(2);
    for (const b of breakevens) {
      expect(b).toBeGreaterThan(from);
      expect(b).toBeLessThan(to);
    }
    // Fitted to the trade, not a needle on a 350-point axis: ±1.5 expected moves (σ·√t from the IV
    // and days sliders, read back from the page) plus a little padding, or the strikes if wider.
    const spot = Number(await page.locator('[data-testid=slider-spot]').inputValue());
    const iv = Number(await page.locator('[data-testid=slider-iv]').inputValue()) / 100;
    const days = Number(await page.locator('[data-testid=slider-days]').getAttribute('max'));
    const move = spot * iv * Math.sqrt(Math.max(days, 1 / 24) / 365);
    expect(to - from).toBeLessThan(Math.max(3.5 * move, 40));
    expect(to - from).toBeLessThan(0.05 * spot);
    const view = page.viewportSize()!;
    for (const id of ['rg-sliders', 'rg-positions']) {
      const box = await page.locator(`[data-testid=${id}]`).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.y + Math.min(box!.height, 40)).toBeLessThanOrEqual(view.height);
      expect(box!.x + box!.width).toBeLessThanOrEqual(view.width + 1);
    }
    // Beside the chart, not below it.
    const plot = (await page.locator('[data-testid=rg-plot]').boundingBox())!;
    const sliders = (await page.locator('[data-testid=rg-sliders]').boundingBox())!;
    expect(sliders.x).toBeGreaterThanOrEqual(plot.x + plot.width - 1);
    expect(sliders.y).toBeLessThan(plot.y + plot.height);
    const slider = page.locator('[data-testid=slider-spot]');
    const span = Number(await slider.getAttribute('max')) - Number(await slider.getAttribute('min'));
    // The spot slider follows the expected move (about ±3 of them), not ±5 % of spot (500 points of SPX).
    expect(span).toBeLessThan(Math.max(7 * move, 50));
    expect(Number(await page.locator('[data-testid=rg-pop]').getAttribute('data-value'))).toBeGreaterThan(0);
    await saveScreenshot(page, 'risk-graph-fly-1280x800.png');
    await page.context().close();
  });

  it('says within 2 s of choosing VIX that it has no options, in every panel that needs them', async () => {
    const page = await openWorkspace('vix', VIEWPORTS[0]);
    const vix = page.locator('[data-testid=spot-VIX]');
    await vix.waitFor({ timeout: 15_000 });
    const started = Date.now();
    await vix.click();
    for (const panel of OPTION_PANELS) {
      await page.locator(`section.ws-panel[aria-labelledby="${panel}-title"] [data-testid=no-options]`).waitFor({ timeout: Math.max(100, 2_000 - (Date.now() - started)) });
    }
    expect(Date.now() - started).toBeLessThan(2_000);
    await saveScreenshot(page, 'workspace-vix.png');
    await page.context().close();
  });

  it('shows change and percent from the previous close for every symbol in the header', async () => {
    const page = await openWorkspace('change', VIEWPORTS[0]);
    const chips = page.locator('[data-testid^=spot-]');
    const symbols = await waitFor('six symbols', 15_000, async () => ((await chips.count()) >= 6 ? chips.count() : undefined));
    const changes = await waitFor('a change on every chip', 15_000, async () => {
      const texts = await page.locator('[data-testid^=spot-] .spot-change').allTextContents();
      return texts.length === symbols ? texts : undefined;
    });
    for (const text of changes) expect(text).toMatch(/^[+−]?\d[\d,]*\.\d{2} \([+−]?\d+\.\d{2}%\)$/);
    await page.context().close();
  });

  it('opens the shortcuts dialog with ? and closes it with Escape', async () => {
    const page = await openWorkspace('keys', VIEWPORTS[0]);
    await page.locator('body').press('?');
    const dialog = page.locator('[data-testid=shortcuts-dialog]');
    await dialog.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await dialog.textContent()).toMatch(/zoom/i);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
    await page.context().close();
  });

  it('keeps the settings in the profile: another browser signed in as the same trader opens with them', async () => {
    const account = freshAccount('settings');
    const first = await openWorkspace('settings', VIEWPORTS[0], account);
    await first.goto('/settings');
    const form = first.locator('[data-testid=settings-form]');
    await form.waitFor({ timeout: 15_000 });
    await form.locator('[name=theme]').selectOption('light').catch(() => form.locator('[name=theme][value=light]').check());
    await form.locator('[name=timezone]').fill('Europe/London');
    await form.locator('button[type=submit]').click();
    await first.locator('[data-testid=settings-saved]').waitFor({ timeout: 10_000 });
    expect(await first.evaluate('document.documentElement.dataset.theme')).toBe('light');

    const otherBrowser = await launchChromium();
    try {
      const context = await newStackContext(otherBrowser, stack.nginxUrl);
      const res = await context.request.post('/api/auth/login', { data: account });
      expect(res.ok()).toBe(true);
      const second = await context.newPage();
      recordPageErrors(second, errors);
      await second.goto('/settings');
      const again = second.locator('[data-testid=settings-form]');
      await again.waitFor({ timeout: 15_000 });
      expect(await again.locator('[name=timezone]').inputValue()).toBe('Europe/London');
      expect(await second.evaluate('document.documentElement.dataset.theme')).toBe('light');
      await saveScreenshot(second, 'settings-light.png');
    } finally {
      await otherBrowser.close();
    }
    await first.context().close();
  });

  it('raised no uncaught error and no CSP complaint in any page of the run', () => {
    expect(errors).toEqual([]);
  });
});

/** The panels a viewport shows: every panel on a wide screen (all at once), each tab on a phone. */
async function shownPanels(page: Page, viewport: Viewport): Promise<string[]> {
  const ids = await page.evaluate<string[]>("[...document.querySelectorAll('section.ws-panel')].map((s) => (s.getAttribute('aria-labelledby') || '').replace(/-title$/, ''))");
  if (viewport.name !== 'phone') return ['all'];
  const tabs = await page.evaluate<string[]>("[...document.querySelectorAll('[data-testid=panel-tabs] [data-panel]')].map((el) => el.getAttribute('data-panel') || '')");
  return tabs.length > 0 ? tabs : ids;
}
