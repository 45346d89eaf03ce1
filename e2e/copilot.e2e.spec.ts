import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADI_SCHEMA_ID, ADI_SCHEMA_VERSION, adiSnapshotSchema, type AlertDto, type AlertHistoryDto, type AlertHitDto, type AlertListDto } from '@marketswarm/shared/dto';
import { type TestStack } from '@marketswarm/shared/testing';
import { sharedTestStack } from './shared-stack.js';
import { api, freshAccount, launchChromium, newStackContext, recordPageErrors, saveScreenshot, signInFreshAccount, waitFor } from './browser.js';

/**
 * Records every toast the page ever shows (by `data-id`, in order of appearance), before the app
 * runs: a non-critical toast leaves after a few seconds, and "exactly once" must count it anyway.
 */
const RECORD_TOASTS = `(() => {
  const seen = [];
  window.__e2eToastIds = seen;
  const record = () => {
    for (const toast of document.querySelectorAll('[data-testid=toast]')) {
      const id = toast.getAttribute('data-id');
      if (id && !seen.includes(id)) seen.push(id);
    }
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true });
})();`;

const toastIds = (page: Page): Promise<string[]> => page.evaluate<string[]>('window.__e2eToastIds ?? []');

/**
 * The copilot in the SPA, in Chromium through nginx (HTTP/2, TLS) against the whole stack: a price
 * alert made in the alert manager fires when `./admin publish spot` gaps through it and toasts
 * exactly once (not again after a reload: later alerts' toasts mark how far delivery got); the manager shows its hit; the header's MEL bar shows a
 * global integrity; the Copilot tab answers "Ask"; the ADI export downloads a versioned JSON.
 */
describe('the copilot in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    stack = await sharedTestStack();
    browser = await launchChromium();
    context = await newStackContext(browser, stack.nginxUrl);
    await context.addInitScript(RECORD_TOASTS);
    await signInFreshAccount(stack, context, freshAccount('copilot-ui'));
    page = await context.newPage();
    recordPageErrors(page, errors);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  let alertId = '';

  /**
   * Prints the spot through `level` from below until the alert's first hit is recorded, and answers
   * its hits. The engine picks a new alert up from the journal's sync stream; until it has, a
   * crossing goes unseen. A `once` alert can fire only once, so crossing again until it has is safe.
   */
  const crossUntilFired = (id: string, level: number): Promise<AlertHitDto[]> =>
    waitFor(
      `alert ${id} to fire`,
      60_000,
      async () => {
        for (const price of [level - 5, level + 5]) {
          const run = await stack.admin(['publish', 'spot', JSON.stringify({ symbol: 'SPX', price })]);
          expect(run.code, run.stderr).toBe(0);
        }
        return waitFor('a hit', 3_000, async () => {
          const found = (await api<AlertHistoryDto>(page, `/api/alerts/${id}/history`)).body.hits;
          return found.length > 0 ? found : undefined;
        }).catch(() => undefined);
      },
      0,
    );

  /** A second `once` price alert, far above the first, whose toast proves the ones before it arrived. */
  const markerAlert = async (level: number): Promise<string> => {
    const made = await api<AlertDto>(page, '/api/alerts', 'POST', { kind: 'price', symbol: 'SPX', level, direction: 'above', label: `marker ${level}` });
    expect(made.status).toBe(201);
    return made.body.id;
  };

  /** Waits until the page has shown a toast for this hit (it may have left again since). */
  const toasted = (hitId: string): Promise<true> => waitFor(`the toast of hit ${hitId}`, 15_000, async () => ((await toastIds(page)).includes(hitId) ? true : undefined));

  it('fires a price alert made in the alert manager once when the spot gaps through its level, and toasts it once, not again after a reload', async () => {
    await page.goto('/');
    const simulated = Number(await waitFor('a live SPX price', 30_000, async () => (await page.locator('[data-testid=spot-SPX]').getAttribute('data-price').catch(() => null)) ?? undefined));
    // Far above anything the simulator prints, so only our own prints cross it.
    const level = Math.ceil(simulated) + 1000;

    await page.goto('/alerts');
    const form = page.locator('[data-testid=alerts-create-form]');
    await form.waitFor({ timeout: 20_000 });
    await form.locator('[name=symbol]').fill('SPX');
    await form.locator('[name=direction]').selectOption('above');
    await form.locator('[name=level]').fill(String(level));
    await form.locator('[data-testid=alert-create]').click();
    await page.locator('[data-testid=alert-row]').first().waitFor({ timeout: 15_000 });
    const { alerts } = (await api<AlertListDto>(page, '/api/alerts')).body;
    expect(alerts).toHaveLength(1);
    alertId = alerts[0]!.id;
    // Markers above it: prints through them never cross it again from below.
    const beforeReload = { level: level + 500, id: await markerAlert(level + 500) };
    const afterReload = { level: level + 1000, id: await markerAlert(level + 1000) };

    await page.goto('/');
    await page.locator('[data-testid=pulse][data-state=live]').waitFor({ timeout: 30_000 });
    const hits = await crossUntilFired(alertId, level);
    expect(hits).toHaveLength(1);
    const hitId = hits[0]!.id;
    await toasted(hitId);

    // More prints through the level, then a later crossing of the marker: alert events reach the
    // page in order, so once the marker's toast is in, any duplicate of the first hit would be too.
    for (const price of [level - 5, level + 5]) await stack.admin(['publish', 'spot', JSON.stringify({ symbol: 'SPX', price })]);
    const [markerHit] = await crossUntilFired(beforeReload.id, beforeReload.level);
    await toasted(markerHit!.id);
    expect(await toastIds(page)).toEqual([hitId, markerHit!.id]);
    expect((await api<AlertHistoryDto>(page, `/api/alerts/${alertId}/history`)).body.hits).toHaveLength(1);

    // The gateway sends the reloaded page the latest alerts snapshot, with both hits; the snapshot
    // comes before any live event, so once a hit fired after the reload has toasted, a replayed one would have too.
    await page.reload();
    await page.locator('[data-testid=pulse][data-state=live]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=alerts-bell]').click();
    await page.locator(`[data-testid=alerts-menu-item][data-id="${markerHit!.id}"]`).waitFor({ timeout: 15_000 });
    const [lateHit] = await crossUntilFired(afterReload.id, afterReload.level);
    await toasted(lateHit!.id);
    expect(await toastIds(page)).toEqual([lateHit!.id]);
  });

  it("lists the hit in the alert's history and among the recent hits in the alert manager", async () => {
    await page.goto('/alerts');
    const row = page.locator(`[data-testid=alert-row][data-alert-id="${alertId}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.locator('[data-testid=alert-history]').click();
    await expect.poll(() => page.locator('[data-testid=alert-history-list] li').count(), { timeout: 15_000 }).toBe(1);
    // Its hit and the two markers' hits, across alerts.
    await expect.poll(() => page.locator('[data-testid=recent-hit]').count(), { timeout: 15_000 }).toBe(3);
    expect(await page.locator(`[data-testid=recent-hit][data-alert-id="${alertId}"]`).count()).toBe(1);
  });

  it('shows a global integrity and a state for each model in the header', async () => {
    await page.goto('/');
    const global = page.locator('[data-testid=mel-global]');
    const value = await waitFor('a MEL score', 60_000, async () => {
      const text = (await global.textContent().catch(() => null))?.trim();
      return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
    });
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(100);
    expect(await global.getAttribute('data-state')).toMatch(/^(VALID|DEGRADED|REVOKED)$/);
    const states = await page.locator('[data-testid=mel-pill]').evaluateAll((els: readonly { getAttribute(n: string): string | null }[]) => els.map((el) => el.getAttribute('data-state')));
    expect(states).toHaveLength(5);
    for (const state of states) expect(state).toMatch(/^(VALID|DEGRADED|REVOKED)$/);

    await page.locator('[data-testid=mel-bar] .mel-bar-button').click();
    await expect.poll(() => page.locator('[data-testid=mel-detail-model]').count(), { timeout: 10_000 }).toBe(5);
    await page.keyboard.press('Escape');

    // Another DTE is this connection's own: the bar follows it and the preference keeps it.
    await page.locator('[data-testid=mel-dte]').selectOption('1');
    await waitFor('a 1DTE MEL score', 30_000, async () => ((await global.textContent())?.trim().match(/^\d+$/) ? true : undefined));
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=mel-dte]').inputValue(), { timeout: 15_000 }).toBe('1');
  });

  it('answers "Ask" in the Copilot tab beside vexy', async () => {
    await page.goto('/');
    await page.locator('[data-testid=commentary-tab-copilot]').click();
    const panel = page.locator('[data-testid=commentary]');
    await page.locator('[data-testid=commentary][data-status=open]').waitFor({ timeout: 30_000 });
    const before = await page.locator('[data-testid=commentary-item]').count();
    await panel.locator('[name=question]').fill('Is the pin holding?');
    await panel.locator('[data-testid=commentary-ask] button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=commentary-item]').count(), { timeout: 30_000 }).toBeGreaterThan(before);
    expect(await page.locator('[data-testid=commentary-item]').first().getAttribute('data-kind')).toBe('on-demand');
  });

  it('downloads the ADI snapshot as versioned JSON from the header', async () => {
    await page.goto('/');
    await page.locator('[data-testid=adi-export] summary').click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator('[data-testid=adi-json]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const file = await download.path();
    const snapshot = adiSnapshotSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    expect(snapshot.schema).toEqual({ id: ADI_SCHEMA_ID, version: ADI_SCHEMA_VERSION });
    // The DTE the MEL bar was left on (1, previous test) is the export's.
    expect(snapshot.dte).toBe(1);
  });

  it('raised no uncaught error and no CSP complaint in any page of the run', async () => {
    if (errors.length > 0) await saveScreenshot(page, 'copilot-ui-errors.png');
    expect(errors).toEqual([]);
  });
});
