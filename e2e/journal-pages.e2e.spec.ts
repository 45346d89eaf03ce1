import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CalendarDto,
  type EntryAnswerDto,
  type IngestResultDto,
  type LeaderboardDto,
  type LeaderboardProfileDto,
  type OrderDto,
  type OrderFillListDto,
  type OrderListDto,
  type PlaybookEntryListDto,
  type PlaybookStatsDto,
  type PlaybookTradeChecksDto,
  type RetrospectiveListDto,
  type TradeDto,
  type TradeLogDto,
} from '@marketswarm/shared/dto';
import { type TestStack } from '@marketswarm/shared/testing';
import { sharedTestStack } from './shared-stack.js';
import { api, freshAccount, launchChromium, newStackContext, recordPageErrors, saveScreenshot, signInFreshAccount, waitFor } from './browser.js';

/** `YYYY-MM-DD` of an instant, in UTC. */
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** The smallest valid PNG: a 1×1 transparent pixel (signature, IHDR, IDAT, IEND). */
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/**
 * The rest of the journal as a trader uses it, in Chromium through nginx (HTTP/2, TLS) against the
 * whole stack: the P&L calendar, a day's entry and attachments, retrospectives, the playbook and a
 * trade's check-off, simulated orders, the leaderboard — and a second trader who sees none of it.
 */
describe('the journal pages in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let alice: Page;

  // A stock trade typed by hand two days ago, 10:00 → 11:00 New York (the journal's default zone).
  const day = isoDate(Date.now() - 2 * DAY_MS);
  const month = day.slice(0, 7);
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const monday = isoDate(Date.parse(`${day}T00:00:00Z`) - weekday * DAY_MS);
  let tradeId = '';
  let tradeNet = 0;
  let attachmentId = '';
  let playbookEntryId = '';
  let filledOrderId = '';

  async function signedInPage(prefix: string): Promise<Page> {
    const context = await newStackContext(browser, stack.nginxUrl);
    contexts.push(context);
    await signInFreshAccount(stack, context, freshAccount(prefix));
    const page = await context.newPage();
    recordPageErrors(page, errors);
    // An alert() would mean hostile HTML ran: recorded, and dismissed so the page goes on.
    page.on('dialog', (dialog) => {
      errors.push(`${page.url()}: dialog ${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    return page;
  }

  beforeAll(async () => {
    stack = await sharedTestStack();
    browser = await launchChromium();
    alice = await signedInPage('journal-pages-alice');
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await browser?.close();
    await stack?.stop();
  });

  it('shows a trade entered and closed by hand on the calendar day it closed, with the API\'s P&L', async () => {
    const page = alice;
    await page.goto('/journal');
    await page.locator('[data-testid=calendar-grid]').waitFor({ timeout: 20_000 });
    const logs = (await api<{ logs: TradeLogDto[] }>(page, '/api/logs')).body.logs;
    const logId = logs.find((l) => l.isDefault)?.id ?? '';
    expect(logId).not.toBe('');

    const opened = await api<IngestResultDto>(page, `/api/logs/${logId}/trades`, 'POST', {
      fills: [{ executedAt: `${day}T10:00:00-05:00`, instrument: { kind: 'stock', symbol: 'AAPL' }, side: 'buy', positionEffect: 'open', quantity: 10, price: 100 }],
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    tradeId = opened.body.trades[0]?.id ?? '';
    const closed = await api<IngestResultDto>(page, `/api/trades/${tradeId}/close`, 'POST', { prices: [105], at: `${day}T11:00:00-05:00` });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const trade = (await api<TradeDto>(page, `/api/trades/${tradeId}`)).body;
    expect(trade.status).toBe('closed');
    tradeNet = trade.net;
    expect(tradeNet).toBe(50);

    const calendar = (await api<CalendarDto>(page, `/api/journal/calendar?month=${month}`)).body;
    const figures = calendar.days.find((d) => d.date === day);
    expect(figures).toMatchObject({ trades: 1, netPnl: tradeNet });

    await page.goto(`/journal?month=${month}`);
    const cell = page.locator(`[data-testid=calendar-day][data-date="${day}"]`);
    await expect.poll(() => cell.getAttribute('data-pnl'), { timeout: 15_000 }).toBe(String(figures?.netPnl));
    expect(await cell.getAttribute('data-trades')).toBe('1');
    // Only that day traded.
    expect(await page.locator('[data-testid=calendar-day][data-pnl]').count()).toBe(1);
  });

  it('writes the day\'s entry in the editor, saves it and finds it after a reload, bold and all', async () => {
    const page = alice;
    await page.locator(`[data-testid=calendar-day][data-date="${day}"]`).click();
    await page.waitForURL(new RegExp(`/journal/${day}$`));
    await page.locator(`[data-testid=day-trade][data-id="${tradeId}"]`).waitFor({ timeout: 15_000 });

    const editor = page.locator('[data-testid=entry-editor-content]');
    await editor.waitFor({ timeout: 15_000 });
    await editor.click();
    // The whole sentence first, then "Sized down" selected with the keyboard and made bold from the
    // toolbar: typing right at a mark boundary after a toolbar click races the editor's refocus.
    const tail = ' after the first loss.';
    await page.keyboard.type(`Waited for the open range. Sized down${tail}`);
    for (let i = 0; i < tail.length; i++) await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'Sized down'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.locator('[data-testid=entry-editor] [role=toolbar] button[aria-label=Bold]').click();
    await page.locator('[data-testid=entry-editor] button[aria-label=Bold][aria-pressed=true]').waitFor({ timeout: 5_000 });
    await page.locator('[data-testid=entry-save]').click();
    await page.locator('[data-testid=entry-message]', { hasText: 'Saved.' }).waitFor({ timeout: 10_000 });

    await page.reload();
    const content = page.locator('[data-testid=entry-content]');
    await content.waitFor({ timeout: 15_000 });
    expect(await content.innerText()).toBe('Waited for the open range. Sized down after the first loss.');
    expect(await content.locator('strong').innerText()).toBe('Sized down');
    const saved = (await api<EntryAnswerDto>(page, `/api/journal/entries?date=${day}`)).body.entry;
    expect(saved?.content).toContain('<strong>Sized down</strong>');
  });

  it('shows hostile HTML sent through the API without any image or handler', async () => {
    const page = alice;
    const hostile = '<p>Fine text</p><img src=x onerror=alert(1)><p onclick="alert(2)">More</p>';
    const put = await api<{ content: string }>(page, `/api/journal/entries/${day}`, 'PUT', { content: hostile });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.content).not.toMatch(/<img|onerror|onclick/i);

    await page.reload();
    const content = page.locator('[data-testid=entry-content]');
    await content.locator('text=Fine text').waitFor({ timeout: 15_000 });
    expect(await content.locator('img').count()).toBe(0);
    expect(await page.locator('[onerror], [onclick]').count()).toBe(0);
    expect(await content.innerText()).toContain('More');
  });

  it('uploads a PNG through the file input, lists it, and serves it as a download', async () => {
    const page = alice;
    await page.locator('[data-testid=attachment-input]').setInputFiles({ name: 'chart.png', mimeType: 'image/png', buffer: PNG_1X1 });
    const item = page.locator('[data-testid=attachment]', { hasText: 'chart.png' });
    await item.waitFor({ timeout: 15_000 });
    attachmentId = (await item.getAttribute('data-id')) ?? '';
    const href = (await item.locator('a').getAttribute('href')) ?? '';
    expect(href).toBe(`/api/journal/attachments/${attachmentId}`);
    expect(await item.innerText()).toContain('image/png');

    const download = await api<string>(page, href);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="chart\.png"/);
    expect(download.headers['content-type']).toBe('image/png');
  });

  it('creates a weekly retrospective in the editor and lists it with its week\'s figures', async () => {
    const page = alice;
    await page.goto('/journal/retrospectives');
    await page.locator('[data-testid=retro-new]').click();
    const form = page.locator('[data-testid=retro-form]');
    await form.waitFor({ timeout: 10_000 });
    expect(await form.locator('select[name=period]').inputValue()).toBe('week');
    await form.locator('input[name=start]').fill(day);
    // Any day of the week: its Monday is used.
    await expect.poll(() => form.locator('input[name=start]').inputValue()).toBe(monday);
    const editor = form.locator('[data-testid=entry-editor-content]');
    await editor.waitFor({ timeout: 15_000 });
    await editor.click();
    await page.keyboard.type('Patience paid this week.');
    await page.locator('[data-testid=retro-save]').click();

    const card = page.locator(`[data-testid=retro][data-period=week][data-start="${monday}"]`);
    await card.waitFor({ timeout: 15_000 });
    await form.waitFor({ state: 'detached', timeout: 10_000 });
    const [retro, ...others] = (await api<RetrospectiveListDto>(page, '/api/journal/retrospectives')).body.retrospectives;
    expect(others).toEqual([]);
    expect(retro).toMatchObject({ period: 'week', start: monday, figures: { trades: 1, wins: 1, losses: 0, netPnl: tradeNet, winRate: 1 } });
    expect(await card.getAttribute('data-id')).toBe(retro?.id);
    const text = await card.innerText();
    expect(text).toContain('Patience paid this week.');
    expect(text).toContain('1 trades · 1W/0L · win rate 100%');
    expect(text).toContain('+50.00');
  });

  it('writes a playbook rule, checks a trade off against it on the trade page, and shows it followed once', async () => {
    const page = alice;
    await page.goto('/playbook');
    await page.locator('[data-testid=playbook-new-entry]').click();
    const form = page.locator('[data-testid=playbook-entry-form]');
    await form.waitFor({ timeout: 10_000 });
    expect(await form.locator('[name=kind]').inputValue()).toBe('rule');
    expect(await form.locator('[name=status]').inputValue()).toBe('active');
    await form.locator('[name=title]').fill('No trades before 10:00');
    await form.locator('[name=body]').fill('Let the opening range form first.');
    await page.locator('[data-testid=playbook-entry-save]').click();
    const entry = page.locator('[data-testid=playbook-entry]', { hasText: 'No trades before 10:00' });
    await entry.waitFor({ timeout: 15_000 });
    playbookEntryId = (await entry.getAttribute('data-id')) ?? '';
    const entries = (await api<PlaybookEntryListDto>(page, '/api/playbook/entries')).body.entries;
    expect(entries.map((e) => [e.id, e.kind, e.status, e.title])).toEqual([[playbookEntryId, 'rule', 'active', 'No trades before 10:00']]);

    await page.goto(`/trades/${tradeId}`);
    const check = page.locator(`[data-testid=playbook-check][data-id="${playbookEntryId}"]`);
    await check.waitFor({ timeout: 15_000 });
    expect(await check.getAttribute('data-mark')).toBe('none');
    await check.getByRole('radio', { name: 'Followed' }).click();
    await page.locator('[data-testid=playbook-checklist-save]').click();
    await page.locator('[data-testid=playbook-checklist] [role=status]', { hasText: 'Saved.' }).waitFor({ timeout: 10_000 });
    expect(await page.locator(`[data-testid=playbook-check][data-id="${playbookEntryId}"]`).getAttribute('data-mark')).toBe('followed');
    const checks = (await api<PlaybookTradeChecksDto>(page, `/api/playbook/trades/${tradeId}/checks`)).body.checks;
    expect(checks.map((c) => [c.entryId, c.followed])).toEqual([[playbookEntryId, true]]);

    const stats = (await api<PlaybookStatsDto>(page, '/api/playbook/stats')).body.entries;
    expect(stats).toHaveLength(1);
    expect(stats[0]).toMatchObject({ entryId: playbookEntryId, checked: 1, followRate: 1, followed: { trades: 1, wins: 1, netPnl: tradeNet }, broken: { trades: 0 } });

    await page.goto('/playbook');
    const row = page.locator(`[data-testid=playbook-stats-row][data-id="${playbookEntryId}"]`);
    await row.waitFor({ timeout: 15_000 });
    const cells = await row.locator('td').allInnerTexts();
    // Entry, checked, follow rate, followed trades / net / win rate / PF, broken trades / net / …
    expect(cells.slice(1, 8)).toEqual(['1', '100%', '1', '+50.00', '100%', '∞', '0']);
  });

  it('places an order from a heatmap tile that fills at a generous limit, and cancels one that cannot', async () => {
    const page = alice;
    // The tile nearest the money from the heatmap model the workspace receives first.
    const heatmap = await api<{ items: { data: { tiles: Record<string, { strike: number; strategy: string }> } }[] }>(page, '/api/models/heatmap/SPX');
    const spot = await api<{ items: { data: { price: number } }[] }>(page, '/api/models/spot/SPX');
    expect(heatmap.status).toBe(200);
    expect(spot.status).toBe(200);
    const price = spot.body.items[0]?.data.price ?? 0;
    const flies = Object.entries(heatmap.body.items[0]?.data.tiles ?? {}).filter(([, t]) => t.strategy === 'butterfly-call');
    expect(flies.length).toBeGreaterThan(0);
    const [tile] = flies.reduce((best, next) => (Math.abs(next[1].strike - price) < Math.abs(best[1].strike - price) ? next : best));

    await page.goto(`/orders?tile=${encodeURIComponent(tile)}`);
    const form = page.locator('[data-testid=order-form]');
    await form.waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid=order-source]').innerText()).toContain(tile);
    expect(await page.locator('[data-testid=order-leg]').count()).toBe(3);
    await form.locator('[name=limitPrice]').fill('1000');
    await page.locator('[data-testid=order-submit]').click();
    await page.locator('[data-testid=order-form-message]', { hasText: 'Order placed' }).waitFor({ timeout: 10_000 });
    await form.locator('[name=limitPrice]').fill('-1000');
    await page.locator('[data-testid=order-submit]').click();
    await expect.poll(async () => (await api<OrderListDto>(page, '/api/orders')).body.orders.length, { timeout: 10_000 }).toBe(2);

    const orders = (await api<OrderListDto>(page, '/api/orders')).body.orders;
    const generous = orders.find((o) => o.limitPrice === 1000);
    const stingy = orders.find((o) => o.limitPrice === -1000);
    expect(generous?.source).toEqual({ kind: 'tile', key: tile });
    filledOrderId = generous?.id ?? '';
    const filled = await waitFor('the generous order to fill into a trade', 30_000, async () => {
      const order = (await api<OrderDto>(page, `/api/orders/${filledOrderId}`)).body;
      return order.status === 'filled' && order.fill?.tradeId ? order : undefined;
    }, 250);
    expect(filled.fill?.price).toBeLessThanOrEqual(1000);
    const trade = await api<TradeDto>(page, `/api/trades/${filled.fill?.tradeId ?? ''}`);
    expect(trade.status).toBe(200);
    expect(trade.body.legs.length).toBe(3);
    const fills = (await api<OrderFillListDto>(page, '/api/orders/fills')).body.fills;
    expect(fills.map((f) => [f.orderId, f.tradeId])).toEqual([[filledOrderId, filled.fill?.tradeId]]);

    // The page polls while an order is working.
    await page.locator(`[data-testid=order-row][data-id="${filledOrderId}"][data-status=filled]`).waitFor({ timeout: 15_000 });
    const working = page.locator(`[data-testid=order-row][data-id="${stingy?.id ?? ''}"]`);
    expect(await working.getAttribute('data-status')).toBe('working');
    await working.locator('[data-testid=order-cancel]').click();
    await page.locator(`[data-testid=order-row][data-id="${stingy?.id ?? ''}"][data-status=cancelled]`).waitFor({ timeout: 10_000 });
    expect((await api<OrderDto>(page, `/api/orders/${stingy?.id ?? ''}`)).body.status).toBe('cancelled');
  });

  it('opts in to the leaderboard under a display name, and says the trader is not ranked yet', async () => {
    const page = alice;
    const name = `Alice ${Date.now().toString(36)}`;
    await page.goto('/leaderboard');
    const form = page.locator('[data-testid=leaderboard-profile-form]');
    await form.waitFor({ timeout: 15_000 });
    await form.locator('[name=displayName]').fill(name);
    await page.locator('[data-testid=leaderboard-opt-in]').click();
    await form.locator('[role=status]', { hasText: `You are on the board as ${name}.` }).waitFor({ timeout: 10_000 });
    expect((await api<LeaderboardProfileDto>(page, '/api/leaderboard/profile')).body).toEqual({ optIn: true, displayName: name });

    const board = (await api<LeaderboardDto>(page, '/api/leaderboard')).body;
    expect(board.rows).toEqual([]);
    await page.reload();
    await page.getByText(`You are opted in as ${name}.`).waitFor({ timeout: 15_000 });
    await page.getByText(`Nobody is ranked yet: traders appear after opting in with at least ${board.minTrades} closed trades`).waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid=leaderboard-row]').count()).toBe(0);
  });

  it('keeps the internal API out of reach through nginx and reads alert sentences by the grammar', async () => {
    const page = alice;
    for (const headers of [{}, { Authorization: 'Bearer not-the-token' }] as Record<string, string>[]) {
      expect((await api(page, '/api/internal/alerts', 'GET', undefined, headers)).status).toBe(404);
    }
    const nonsense = await api<{ issues: { path: string; message: string }[] }>(page, '/api/prompt-alerts/parse', 'POST', { text: 'alert me if SPX frobnicates 5000' });
    expect(nonsense.status).toBe(422);
    expect(nonsense.body.issues).toHaveLength(1);
    expect(nonsense.body.issues[0]?.path).toBe('text');
    expect(nonsense.body.issues[0]?.message).toMatch(/^could not understand "frobnicates" at 16: /);

    const sentence = await api<{ rule: { conditions: unknown[] } }>(page, '/api/prompt-alerts/parse', 'POST', { text: 'alert me if SPX crosses 5000' });
    expect(sentence.status, JSON.stringify(sentence.body)).toBe(200);
    expect(sentence.body.rule.conditions).toEqual([expect.objectContaining({ symbol: 'SPX', metric: 'price', comparator: 'crosses', target: { kind: 'number', value: 5000 } })]);
  });

  it('shows a second trader none of it: no P&L on the calendar, no entry, retrospective, rule or order', async () => {
    const page = await signedInPage('journal-pages-bob');
    await page.goto(`/journal?month=${month}`);
    await page.locator('[data-testid=calendar-totals]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=calendar-day][data-pnl]').count()).toBe(0);
    const calendar = (await api<CalendarDto>(page, `/api/journal/calendar?month=${month}`)).body;
    expect(calendar.totals.trades).toBe(0);
    expect(calendar.days.some((d) => d.hasEntry)).toBe(false);

    expect((await api<EntryAnswerDto>(page, `/api/journal/entries?date=${day}`)).body.entry).toBeNull();
    expect((await api<RetrospectiveListDto>(page, '/api/journal/retrospectives')).body.retrospectives).toEqual([]);
    expect((await api<PlaybookEntryListDto>(page, '/api/playbook/entries')).body.entries).toEqual([]);
    expect((await api<PlaybookStatsDto>(page, '/api/playbook/stats')).body.entries).toEqual([]);
    expect((await api<OrderListDto>(page, '/api/orders')).body.orders).toEqual([]);
    expect((await api<OrderFillListDto>(page, '/api/orders/fills')).body.fills).toEqual([]);
    for (const route of [`/api/journal/attachments/${attachmentId}`, `/api/orders/${filledOrderId}`, `/api/playbook/entries/${playbookEntryId}`, `/api/trades/${tradeId}`]) {
      expect((await api(page, route)).status, route).toBe(404);
    }

    await page.goto(`/journal/${day}`);
    await page.locator('[data-testid=entry-editor-content]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid=day-trade]').count()).toBe(0);
    expect(await page.locator('[data-testid=attachment]').count()).toBe(0);
    await page.goto('/playbook');
    await page.getByText('No entries match.').waitFor({ timeout: 15_000 });
    await page.goto('/orders');
    await page.getByText('No fills yet.').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid=order-row]').count()).toBe(0);
    await saveScreenshot(page, 'journal-pages-bob-orders.png');
  });

  it('raised no uncaught error, no dialog and no CSP complaint on any of these pages', () => {
    expect(errors).toEqual([]);
  });
});
