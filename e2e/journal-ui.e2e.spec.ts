import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertListDto, AnalyticsDto, TradeDto, TradeLogDto, TradePageDto } from '@marketswarm/shared/dto';
import { repoRoot, type TestStack } from '@marketswarm/shared/testing';
import { sharedTestStack } from './shared-stack.js';
import { api, attributeOfAll, freshAccount, launchChromium, newStackContext, recordPageErrors, saveScreenshot, signInFreshAccount, waitFor } from './browser.js';

/** A real broker export the repository keeps beside its importer: tastytrade, /MES options, one 1-1-2. */
const SAMPLE = path.join(repoRoot, 'services/journal/src/imports/fixtures/ok/tastytrade_mes_lt112.csv');

/**
 * The journal as the trader uses it, in Chromium through nginx (HTTP/2, TLS) against the whole
 * stack: the import wizard, the trades list, analytics, the trade page, saved what-ifs on the risk
 * graph, alerts — and a second trader who sees none of it.
 */
describe('the journal in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let alicePage: Page;
  let aliceLog = '';
  let aliceTrade = '';

  async function signedInPage(prefix: string): Promise<Page> {
    const context = await newStackContext(browser, stack.nginxUrl);
    contexts.push(context);
    await signInFreshAccount(stack, context, freshAccount(prefix));
    const page = await context.newPage();
    recordPageErrors(page, errors);
    return page;
  }

  beforeAll(async () => {
    stack = await sharedTestStack();
    browser = await launchChromium();
    alicePage = await signedInPage('journal-ui-alice');
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await browser?.close();
    await stack?.stop();
  });

  it('imports a real broker export through the wizard: detected format, preview, commit, then its trades in the list', async () => {
    const page = alicePage;
    await page.goto('/import');
    const logSelect = page.locator('[data-testid=import-log]');
    aliceLog = await waitFor('a log to import into', 20_000, async () => (await logSelect.inputValue().catch(() => '')) || undefined);

    await page.locator('[data-testid=import-file-input]').setInputFiles(SAMPLE);
    await page.locator('[data-testid=import-dry-run]').click();
    const preview = page.locator('[data-testid=import-preview]');
    await preview.waitFor({ timeout: 20_000 });
    expect(await preview.getAttribute('data-format')).toBe('tastytrade');
    const previewedTrades = Number(await page.locator('[data-testid=import-preview] [data-testid=import-trades]').getAttribute('data-value'));
    expect(previewedTrades).toBeGreaterThan(0);
    // A preview writes nothing.
    expect((await api<TradePageDto>(page, `/api/logs/${aliceLog}/trades`)).body.trades).toEqual([]);

    await page.locator('[data-testid=import-commit]').click();
    await page.locator('[data-testid=import-result]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=import-result-trades-link]').click();
    await page.waitForURL(/\/trades\?/);

    const fromApi = (await api<TradePageDto>(page, `/api/logs/${aliceLog}/trades?limit=200`)).body.trades;
    expect(fromApi).toHaveLength(previewedTrades);
    await expect.poll(() => page.locator('[data-testid=trades-row]').count(), { timeout: 15_000 }).toBe(fromApi.length);
    expect((await attributeOfAll(page.locator('[data-testid=trades-row]'), 'data-trade-id')).sort()).toEqual(fromApi.map((t) => t.id).sort());
    expect(await page.locator('[data-testid=trades-total-count]').getAttribute('data-value')).toBe(String(fromApi.length));
    aliceTrade = fromApi[0]?.id ?? '';
  });

  it('shows on the analytics page every summary figure exactly as the API computes it', async () => {
    const page = alicePage;
    await page.goto(`/analytics?log=${aliceLog}`);
    const figures = page.locator('[data-testid^=figure-]');
    await figures.first().waitFor({ timeout: 20_000 });
    const { summary } = (await api<AnalyticsDto>(page, `/api/analytics?log=${aliceLog}`)).body;
    const shown = await figures.evaluateAll((els: readonly { getAttribute(n: string): string | null }[]) => els.map((el) => [el.getAttribute('data-testid') ?? '', el.getAttribute('data-value') ?? ''] as const));
    expect(shown.length).toBe(Object.keys(summary).length);
    for (const [testId, value] of shown) {
      const key = testId.slice('figure-'.length) as keyof typeof summary;
      expect(Object.hasOwn(summary, key), `${key} is a summary field`).toBe(true);
      expect(value, key).toBe(String(summary[key]));
    }
    expect(summary.trades).toBeGreaterThan(0);
  });

  it('opens a trade from the list: its legs as the API has them, and the market at entry', async () => {
    const page = alicePage;
    await page.goto(`/trades?log=${aliceLog}`);
    await page.locator(`[data-testid=trades-row][data-trade-id="${aliceTrade}"]`).click();
    await page.waitForURL(new RegExp(`/trades/${aliceTrade}$`));
    const trade = (await api<TradeDto>(page, `/api/trades/${aliceTrade}`)).body;
    await page.locator('[data-testid=trade-legs]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid=trade-leg]').count()).toBe(trade.legs.length);
    expect(await attributeOfAll(page.locator('[data-testid=trade-leg]'), 'data-leg-id')).toEqual(trade.legs.map((l) => l.id));
    expect(await page.locator('[data-testid=trade-net]').getAttribute('data-value')).toBe(String(trade.net));
    // Imported months after the fact: the market at entry is shown for what it is (not recorded or unavailable).
    expect(await page.locator('[data-testid=market-at-entry]').getAttribute('data-status')).toBe(trade.marketAtEntry?.status ?? 'none');
  });

  let savedName = '';

  it('saves a what-if from the heatmap, finds it again after a reload and in another tab, and logs it as a trade', async () => {
    const page = alicePage;
    await page.goto('/');
    await page.locator('[data-testid=heatmap] [data-tile]').first().waitFor({ timeout: 30_000 });
    // Not the expiry closest in time: in its last half hour its out-of-the-money singles are worth
    // nothing and leave the heatmap, so a butterfly's wing would have no live mid to be logged at.
    const dteSelect = page.locator('[data-testid=heatmap] select.hm-select');
    const dtes = await attributeOfAll(dteSelect.locator('option'), 'value');
    if (dtes.length > 1) {
      const later = dtes[1] as string;
      await dteSelect.selectOption(later);
      await page.locator(`[data-testid=heatmap] [data-tile*=":${later}:"]`).first().waitFor({ timeout: 10_000 });
    }
    // The tile nearest the money (keys are strategy:dte:width:strike): its legs all have a live mid to be logged at.
    const spot = Number(await page.locator('[data-testid=spot-SPX]').getAttribute('data-price'));
    const keys = await attributeOfAll(page.locator('[data-testid=heatmap] [data-tile]'), 'data-tile');
    const nearest = keys.reduce((best, key) => (Math.abs(Number(key.split(':')[3]) - spot) < Math.abs(Number(best.split(':')[3]) - spot) ? key : best));
    await page.locator(`[data-testid=heatmap] [data-tile="${nearest}"]`).click();
    await page.locator('[data-testid=whatif-position]').first().waitFor({ timeout: 10_000 });

    savedName = `E2E fly ${Date.now().toString(36)}`;
    await page.locator('[data-testid=whatif-position] [data-testid=risk-save]').first().click();
    await page.locator('[data-testid=risk-save-name]').fill(savedName);
    await page.locator('[data-testid=risk-save-name]').press('Enter');
    const saved = page.locator('[data-testid=saved-position]', { hasText: savedName });
    await saved.waitFor({ timeout: 15_000 });

    await page.reload();
    await saved.waitFor({ timeout: 30_000 });
    const other = await page.context().newPage();
    recordPageErrors(other, errors);
    await other.goto('/');
    await other.locator('[data-testid=saved-position]', { hasText: savedName }).waitFor({ timeout: 30_000 });
    await other.close();

    await saved.locator('[data-testid=saved-position-log]').click();
    await page.locator('[data-testid=log-trade-form]').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid=log-trade-submit]').click();
    const link = page.locator('[data-testid=logged-trade-link]');
    await link.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      await saveScreenshot(page, 'journal-ui-log-trade.png');
      throw new Error(`no logged trade link; the form says: ${await page.locator('[data-testid=log-trade-form]').innerText().catch(() => '(no form)')}`, { cause: error });
    });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/trades\/[0-9a-f-]{36}$/);
    const logged = await api<TradeDto>(page, href.replace('/trades/', '/api/trades/'));
    expect(logged.status).toBe(200);
    expect(logged.body.status).toBe('open');
  });

  it('creates a price alert in the alert manager and one from a breakeven on the risk graph, and lists both', async () => {
    const page = alicePage;
    const breakeven = page.locator('[data-testid=breakeven-alert]').first();
    await breakeven.waitFor({ timeout: 15_000 });
    const level = Number(await breakeven.getAttribute('data-level'));
    await breakeven.click();
    await waitFor('the breakeven alert', 10_000, async () => ((await api<AlertListDto>(page, '/api/alerts')).body.alerts.length === 1 ? true : undefined));

    await page.goto('/alerts');
    const form = page.locator('[data-testid=alerts-create-form]');
    await form.waitFor({ timeout: 20_000 });
    await form.locator('[name=symbol]').fill('SPX');
    await form.locator('[name=level]').fill('5123.5');
    await form.locator('[data-testid=alert-create]').click();
    await expect.poll(() => page.locator('[data-testid=alert-row]').count(), { timeout: 15_000 }).toBe(2);

    const { alerts } = (await api<AlertListDto>(page, '/api/alerts')).body;
    expect(alerts.map((a) => (a.kind === 'price' ? [a.symbol, a.level, a.source] : [a.kind])).sort()).toEqual(
      [
        ['SPX', level, 'breakeven'],
        ['SPX', 5123.5, 'manual'],
      ].sort(),
    );
    expect((await attributeOfAll(page.locator('[data-testid=alert-row]'), 'data-alert-id')).sort()).toEqual(alerts.map((a) => a.id).sort());
  });

  it('sets a price alert at a level clicked on the candles chart', async () => {
    const page = alicePage;
    await page.goto('/');
    const canvas = page.locator('[data-testid=candles] canvas').first();
    await canvas.waitFor({ timeout: 30_000 });
    // Candles drawn (a click on an empty chart has no price to offer).
    await page.locator('[data-testid=candles][data-last-close]').waitFor({ timeout: 30_000 });
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the candles chart has no box');
    // A third of the way down the plot: a price on the chart's own scale.
    const offer = page.locator('[data-testid=chart-level-alert]');
    await waitFor('the chart to offer an alert at the clicked level', 15_000, async () => {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 3);
      return (await offer.isVisible()) ? true : undefined;
    }, 1_000);
    const level = Number(await offer.getAttribute('data-level'));
    expect(level).toBeGreaterThan(0);
    await offer.click();
    await page.locator('[data-testid=chart-level-alert-status]', { hasText: 'Alert set' }).waitFor({ timeout: 10_000 });
    const { alerts } = (await api<AlertListDto>(page, '/api/alerts')).body;
    expect(alerts.filter((a) => a.kind === 'price' && a.source === 'chart-level').map((a) => (a.kind === 'price' ? [a.symbol, a.level] : []))).toEqual([['SPX', level]]);
  });

  it('reads a CSV no importer knows through a column mapping built in the wizard, saved by name, and imports it', async () => {
    const page = alicePage;
    await page.goto('/import');
    await waitFor('a log to import into', 20_000, async () => (await page.locator('[data-testid=import-log]').inputValue().catch(() => '')) || undefined);
    await page.locator('[data-testid=import-broker]').selectOption('generic-csv');
    const csv = ['When,Ticker,Action,Shares,Fill,Fee', '2026-03-02 10:15:00,AAPL,BOT,100,180.50,1.00', '2026-03-02 11:45:00,AAPL,SLD,100,182.25,1.00'].join('\n');
    await page.locator('[data-testid=import-file-input]').setInputFiles({ name: 'smallbroker.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const editor = page.locator('[data-testid=mapping-editor]');
    await editor.waitFor({ timeout: 10_000 });
    for (const [field, column] of [['date', 'When'], ['symbol', 'Ticker'], ['side', 'Action'], ['quantity', 'Shares'], ['price', 'Fill']] as const) {
      await page.locator(`[data-testid=mapping-field-${field}]`).selectOption(column);
    }
    await page.locator('[data-testid=mapping-field-dateFormat]').selectOption('YYYY-MM-DD');
    await page.locator('[data-testid=mapping-side-BOT]').selectOption('buy:open');
    await page.locator('[data-testid=mapping-side-SLD]').selectOption('sell:close');
    await page.locator('[data-testid=mapping-broker-name]').fill('smallbroker');
    await page.locator('[data-testid=mapping-editor][data-valid=true]').waitFor({ timeout: 5_000 });

    await page.locator('[data-testid=mapping-save-name]').fill('Small broker');
    await page.locator('[data-testid=mapping-save]').click();
    const saved = await waitFor('the saved mapping', 10_000, async () => {
      const { mappings } = (await api<{ mappings: { name: string; mapping: { columns: { date: string } } }[] }>(page, '/api/journal/import-mappings')).body;
      return mappings.length === 1 ? mappings[0] : undefined;
    });
    expect(saved).toMatchObject({ name: 'Small broker', mapping: { name: 'smallbroker', columns: { date: 'When' } } });

    await page.locator('[data-testid=import-dry-run]').click();
    await page.locator('[data-testid=import-preview][data-format=generic-csv]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid=import-preview] [data-testid=import-trades]').getAttribute('data-value')).toBe('1');
    await page.locator('[data-testid=import-commit]').click();
    await page.locator('[data-testid=import-result]').waitFor({ timeout: 15_000 });
    const trades = (await api<TradePageDto>(page, `/api/logs/${aliceLog}/trades?symbol=AAPL`)).body.trades;
    // (182.25 − 180.50) × 100 − 2 × 1.00 = 173.
    expect(trades.map((t) => [t.symbol, t.status, t.net])).toEqual([['AAPL', 'closed', 173]]);
  });

  it('shows a second trader none of it: no trades, no alerts, no saved positions, and 404 for the first trader\'s trade', async () => {
    const page = await signedInPage('journal-ui-bob');
    await page.goto('/trades');
    await page.locator('[data-testid=trades-total-count][data-value="0"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=trades-row]').count()).toBe(0);
    expect((await api(page, `/api/trades/${aliceTrade}`)).status).toBe(404);

    await page.goto(`/trades/${aliceTrade}`);
    await page.locator('[data-testid=trade-not-found]').waitFor({ timeout: 15_000 });

    await page.goto('/alerts');
    await page.locator('[data-testid=alerts-empty]').waitFor({ timeout: 15_000 });
    expect((await api<AlertListDto>(page, '/api/alerts')).body.alerts).toEqual([]);

    await page.goto('/');
    await page.locator('[data-testid=risk-graph]').waitFor({ timeout: 30_000 });
    const logs = (await api<{ logs: TradeLogDto[] }>(page, '/api/logs')).body.logs;
    expect(logs.some((l) => l.id === aliceLog)).toBe(false);
    expect((await api<{ positions: unknown[] }>(page, '/api/journal/positions')).body.positions).toEqual([]);
    expect(await page.locator('[data-testid=saved-position]').count()).toBe(0);
  });

  it('answers an unknown path with a real 404 page', async () => {
    await alicePage.goto('/no-such-page');
    await alicePage.locator('[data-testid=not-found]').waitFor({ timeout: 10_000 });
    await saveScreenshot(alicePage, 'journal-ui-not-found.png');
  });

  it('raised no uncaught error and no CSP complaint on any journal page', () => {
    expect(errors).toEqual([]);
  });
});
