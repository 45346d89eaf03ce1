import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPS_KEYS, readRecoveryLog, writeRecoveryState } from '@marketswarm/shared/ops';
import { type TestStack } from '@marketswarm/shared/testing';
import { sharedTestStack } from './shared-stack.js';
import { api, attributeOfAll, freshAccount, launchChromium, newStackContext, recordPageErrors, saveScreenshot } from './browser.js';

interface Pm2Row {
  name: string;
  pm2_env: { status: string };
}

/**
 * The admin page against a whole stack in Chromium through nginx: what the operators see (every
 * process with the watch's score, streams, this gateway's clients, the accounts) and the one action
 * that must bite at once — a disabled trader's next request is refused.
 */
describe('the admin page', () => {
  let stack: TestStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  async function signedIn(account: { email: string; password: string; role?: 'trader' | 'admin' }): Promise<Page> {
    const context = await newStackContext(browser, stack.nginxUrl);
    contexts.push(context);
    await stack.createAccount(account);
    const res = await context.request.post('/api/auth/login', { data: { email: account.email, password: account.password } });
    if (!res.ok()) throw new Error(`sign in ${account.email}: ${res.status()} ${await res.text()}`);
    const page = await context.newPage();
    recordPageErrors(page, errors);
    return page;
  }

  beforeAll(async () => {
    stack = await sharedTestStack();
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await browser?.close();
    await stack?.stop();
  });

  it('tells a trader the page is for admins, and lists it in no trader navigation', async () => {
    const trader = await signedIn(freshAccount('admin-e2e-curious'));
    await trader.goto('/admin');
    await trader.locator('[data-testid=admin-only]').waitFor({ timeout: 20_000 });
    expect(await trader.locator('h1').first().textContent()).toBe('Admins only');
    expect(await trader.locator('nav a[href="/admin"]').count()).toBe(0);
    expect((await api(trader, '/api/admin/services')).status).toBe(403);
  });

  it("shows an admin every process with the watch's score, the streams, its gateway's clients and the users; disabling a trader refuses their next call", async () => {
    const traderAccount = freshAccount('admin-e2e-trader');
    const trader = await signedIn(traderAccount);
    // The trader's workspace holds a stream open on the gateway.
    await trader.goto('/');
    await trader.locator('[data-testid=workspace-header]').waitFor({ timeout: 30_000 });
    await stack.publish('spot', [0, 1, 2].map((seq) => ({ symbol: 'SPX', price: 6000 + seq, seq })));

    const admin = await signedIn({ ...freshAccount('admin-e2e-ops'), role: 'admin' });
    await admin.goto('/');
    await admin.locator('nav a[href="/admin"]').first().waitFor({ state: 'attached', timeout: 30_000 });
    await admin.goto('/admin');
    await admin.locator('[data-testid=admin-page]').waitFor({ timeout: 20_000 });

    // Every process pm2 runs for the stack is listed, with a score once the watch reports (every 2 s);
    // the watch scores everything but itself, which shows by its fresh heartbeat.
    const running = (JSON.parse(await stack.pm2(['jlist'])) as Pm2Row[]).filter((p) => p.pm2_env.status === 'online').map((p) => p.name);
    expect(running).toContain('fotw-watch');
    await admin.locator('[data-testid=admin-watch][data-state=fresh]').waitFor({ timeout: 30_000 });
    const rows = admin.locator('[data-testid=admin-service-row]');
    await expect
      .poll(async () => {
        const pm2 = await attributeOfAll(rows, 'data-pm2');
        const scores = await attributeOfAll(rows, 'data-score');
        return running.filter((name) => name !== 'fotw-watch' && (!pm2.includes(name) || scores[pm2.indexOf(name)] === ''));
      }, { timeout: 20_000 })
      .toEqual([]);
    expect(await admin.locator('[data-testid=admin-service-row][data-pm2=fotw-watch]').getAttribute('data-heartbeat')).toBe('fresh');

    // Streams with their lengths; this gateway with the trader's open stream.
    await expect.poll(async () => Number(await admin.locator('[data-testid=admin-stream-row][data-topic=spot]').getAttribute('data-length')), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await expect
      .poll(async () => (await attributeOfAll(admin.locator('[data-testid=admin-gateway-row]'), 'data-connections')).reduce((sum, n) => sum + Number(n), 0), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(1);
    const emails = await attributeOfAll(admin.locator('[data-testid=admin-user-row]'), 'data-email');
    expect(emails).toContain(traderAccount.email);

    // Disable the trader, confirming first; their very next call is refused.
    expect((await api(trader, '/api/auth/me')).status).toBe(200);
    await admin.getByRole('button', { name: `Disable ${traderAccount.email}`, exact: true }).click();
    await admin.locator('[data-testid=admin-user-confirm-yes]').click();
    await admin.locator(`[data-testid=admin-user-row][data-email="${traderAccount.email}"][data-disabled=true]`).waitFor({ timeout: 10_000 });
    expect((await api(trader, '/api/auth/me')).status).toBe(401);
    expect((await api(trader, '/api/logs')).status).toBe(401);
    await saveScreenshot(admin, 'admin-page.png');
    expect(errors).toEqual([]);
  });

  it('lets an admin reset a service the watch gave up on, and logs who did', async () => {
    const system = stack.bus('system');
    // The watch clears the failed mark of a healthy service within a cycle: stopped, the mark stays until the reset.
    await stack.pm2(['stop', 'fotw-watch']);
    let before: string | null = null;
    try {
      before = await system.hget(OPS_KEYS.recoveryState, 'journal');
      await writeRecoveryState(system, 'journal', { attempts: 3, lastAttemptAt: Date.now(), failed: true, healthySince: null });

      const account = { ...freshAccount('admin-e2e-reset'), role: 'admin' as const };
      const admin = await signedIn(account);
      await admin.goto('/admin');
      const journal = admin.locator('[data-testid=admin-service-row][data-service=journal]');
      await admin.locator('[data-testid=admin-service-row][data-service=journal][data-failed=true]').waitFor({ timeout: 20_000 });
      expect(await journal.textContent()).toContain('failed (gave up)');

      await admin.getByRole('button', { name: 'Reset fotw-journal', exact: true }).click();
      expect(await admin.locator('[data-testid=admin-service-reset-confirm]').textContent()).toContain('The watch may restart fotw-journal again');
      await admin.locator('[data-testid=admin-service-reset-confirm-yes]').click();
      await admin.locator('[data-testid=admin-service-row][data-service=journal][data-failed=false]').waitFor({ timeout: 10_000 });
      expect(await journal.locator('[data-testid=admin-service-reset]').count()).toBe(0);

      const reset = (await readRecoveryLog(system, 20)).find((a) => a.service === 'journal' && a.action === 'reset');
      expect(reset?.reason).toContain(account.email);
      expect(errors).toEqual([]);
    } finally {
      // Back as it was found: the stack is shared with the other end-to-end files.
      // The watch first: left stopped, every later file would wait for the stack to settle in vain.
      try {
        await stack.pm2(['start', 'fotw-watch']);
      } finally {
        await (before === null ? system.hdel(OPS_KEYS.recoveryState, 'journal') : system.hset(OPS_KEYS.recoveryState, 'journal', before));
      }
    }
  });
});
