import { readFile } from 'node:fs/promises';
import { request } from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETECTABLE_IMPORT_FORMATS, JOURNAL_IMPORT_MAX_BYTES, type ImportResultDto, type TradeLogDto, type TradePageDto } from '@marketswarm/shared/dto';
import { repoRoot, type TestStack } from '@marketswarm/shared/testing';
import { sharedTestStack } from './shared-stack.js';
import { freshAccount } from './browser.js';
import { H2Client } from './h2-client.js';

// The real broker samples, as the repository keeps them beside the importers.
const SAMPLES = path.join(repoRoot, 'services/journal/src/imports/fixtures/ok');
const sample = (name: string) => readFile(path.join(SAMPLES, name));

async function waitFor(what: string, probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A multipart upload over HTTP/1.1 with its Content-Length, as an older browser or curl sends it. */
async function http1Upload(base: string, path: string, form: FormData, trader: Trader): Promise<{ status: number; body: string }> {
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), {
      method: 'POST',
      rejectUnauthorized: false,
      headers: { cookie: trader.client.cookie, 'x-csrf-token': trader.csrf, 'content-type': encoded.headers.get('content-type') ?? '', 'content-length': String(body.length) },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    // nginx may close the connection while the rest of the body is still being written, after its answer.
    req.on('error', reject);
    req.end(body);
  });
}

interface Trader {
  client: H2Client;
  csrf: string;
  userId: string;
}

/** Every journal route as a browser reaches it: through nginx, HTTP/2 over TLS, session cookie and CSRF header. */
describe('the journal through nginx', () => {
  let stack: TestStack;
  let alice: Trader;
  let bob: Trader;
  let logId: string;

  async function signIn(prefix: string): Promise<Trader> {
    const account = freshAccount(prefix);
    const userId = await stack.createAccount(account);
    const client = new H2Client(stack.nginxUrl);
    const res = await client.json('/api/auth/login', 'POST', account, '');
    expect(res.status, res.text()).toBe(200);
    const cookies = (res.headers['set-cookie'] ?? '').split('\n').map((c) => c.split(';')[0] ?? '');
    client.cookie = cookies.join('; ');
    const csrf = cookies.find((c) => c.startsWith('ms_csrf='))?.slice('ms_csrf='.length) ?? '';
    return { client, csrf, userId };
  }

  function importFile(trader: Trader, log: string, file: Buffer, name: string, query = '', fields: Record<string, string> = {}) {
    const form = new FormData();
    form.set('file', new Blob([file]), name);
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    return trader.client.multipart(`/api/logs/${log}/import${query}`, form, trader.csrf);
  }

  beforeAll(async () => {
    stack = await sharedTestStack();
    alice = await signIn('journal-alice');
    bob = await signIn('journal-bob');
    const logs = await alice.client.request('/api/logs');
    expect(logs.status, logs.text()).toBe(200);
    logId = logs.json<{ logs: TradeLogDto[] }>().logs.find((l) => l.isDefault)?.id ?? '';
    expect(logId).not.toBe('');
  }, 240_000);

  afterAll(async () => {
    alice?.client.close();
    bob?.client.close();
    await stack?.stop();
  });

  it('previews an import without writing, then imports it in one go, and a second import of the same file adds nothing', async () => {
    const file = await sample('tastytrade_mes_lt112.csv');
    const preview = await importFile(alice, logId, file, 'tastytrade.csv', '?dryRun=true');
    expect(preview.status, preview.text()).toBe(200);
    const previewed = preview.json<ImportResultDto>();
    expect(previewed).toMatchObject({ dryRun: true, format: 'tastytrade', broker: 'tastytrade' });
    expect(previewed.executions).toBeGreaterThan(0);
    expect((await alice.client.request(`/api/logs/${logId}/trades`)).json<TradePageDto>().trades).toEqual([]);

    const committed = (await importFile(alice, logId, file, 'tastytrade.csv')).json<ImportResultDto>();
    expect(committed).toMatchObject({ dryRun: false, executions: previewed.executions, trades: previewed.trades, duplicates: 0, skipped: previewed.skipped });
    const page = (await alice.client.request(`/api/logs/${logId}/trades`)).json<TradePageDto>();
    expect(page.trades).toHaveLength(committed.trades);

    const again = (await importFile(alice, logId, file, 'tastytrade.csv')).json<ImportResultDto>();
    expect(again).toMatchObject({ executions: 0, trades: 0, duplicates: committed.executions });
  });

  it('reads a trade, its analytics and its export, and lets nobody else see any of it', async () => {
    const [trade] = (await alice.client.request(`/api/logs/${logId}/trades`)).json<TradePageDto>().trades;
    expect(trade).toBeDefined();
    const read = await alice.client.request(`/api/trades/${trade?.id ?? ''}`);
    expect(read.status).toBe(200);
    expect(read.json()).toMatchObject({ id: trade?.id, logId });

    const analytics = await alice.client.request(`/api/analytics?log=${logId}`);
    expect(analytics.status, analytics.text()).toBe(200);
    const closed = (await alice.client.request(`/api/logs/${logId}/trades?status=closed`)).json<TradePageDto>().trades;
    expect(analytics.json<{ summary: { trades: number } }>().summary.trades).toBe(closed.length);

    const csv = await alice.client.request(`/api/logs/${logId}/export?of=trades&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename=".+-trades\.csv"$/);
    const rows = csv.text().replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(rows.length - 1).toBe((await alice.client.request(`/api/logs/${logId}/trades?limit=200`)).json<TradePageDto>().trades.length);
    const xlsx = await alice.client.request(`/api/logs/${logId}/export?of=executions&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK'); // an XLSX is a zip

    // The rest of the journal's routes answer through nginx too.
    for (const path of ['/api/symbols', '/api/tags', '/api/settings', '/api/journal/openapi.json']) {
      const res = await alice.client.request(path);
      expect(res.status, `GET ${path}`).toBe(200);
    }
    const tag = await alice.client.json('/api/tags', 'POST', { name: 'through nginx' }, alice.csrf);
    expect(tag.status, tag.text()).toBe(201);
    const setting = await alice.client.json('/api/settings/costBasis', 'PUT', { value: 'average' }, alice.csrf);
    expect(setting.status, setting.text()).toBe(200);

    for (const [path, method] of [
      [`/api/trades/${trade?.id ?? ''}`, 'GET'],
      [`/api/logs/${logId}/trades`, 'GET'],
      [`/api/logs/${logId}/export`, 'GET'],
      [`/api/analytics?log=${logId}`, 'GET'],
    ] as const) {
      const res = await bob.client.request(path, { method });
      expect(res.status, `${method} ${path} as another user`).toBe(404);
    }
    const intoAlicesLog = await importFile(bob, logId, await sample('tastytrade_cl_future.csv'), 'cl.csv');
    expect(intoAlicesLog.status).toBe(404);
    const closeAlicesTrade = await bob.client.json(`/api/trades/${trade?.id ?? ''}/close`, 'POST', { prices: [1] }, bob.csrf);
    expect(closeAlicesTrade.status).toBe(404);
  });

  it('enters a trade by hand, closes it by hand, and tells the trader\'s open tab at once', async () => {
    const tab = bob.client.openStream('/sse/trades');
    const alicesTab = alice.client.openStream('/sse/trades');
    await waitFor('both streams to be ready', () => tab.text().includes('event: ready') && alicesTab.text().includes('event: ready'));
    const bobsLog = (await bob.client.request('/api/logs')).json<{ logs: TradeLogDto[] }>().logs[0]?.id ?? '';
    const entered = await bob.client.json(
      `/api/logs/${bobsLog}/trades`,
      'POST',
      { fills: [{ executedAt: Date.now() - 60_000, instrument: { kind: 'option', underlying: 'SPXW', expiry: '2027-01-15', strike: 6000, right: 'C' }, side: 'buy', positionEffect: 'open', quantity: 1, price: 12.5, commission: 0.65 }] },
      bob.csrf,
    );
    expect(entered.status, entered.text()).toBe(201);
    const [trade] = entered.json<{ trades: { id: string; status: string; strategy: string }[] }>().trades;
    expect(trade).toMatchObject({ status: 'open', strategy: 'single' });
    const closed = await bob.client.json(`/api/trades/${trade?.id ?? ''}/close`, 'POST', { prices: [15], commission: 0.65 }, bob.csrf);
    expect(closed.status, closed.text()).toBe(200);
    // Bought at 12.50, sold at 15.00: gross 2.50 × 100 = $250; fees 0.65 × 2 = $1.30; net $248.70.
    expect(closed.json()).toMatchObject({ trades: [{ id: trade?.id, status: 'closed', gross: 250, fees: 1.3, net: 248.7 }] });
    await waitFor('the trade events', () => (tab.text().match(/event: trades\n/g) ?? []).length >= 2);
    expect(tab.text()).toContain(`"id":"${trade?.id ?? ''}"`);
    expect(tab.text()).toMatch(/"status":"closed"/);
    tab.close();
    // Alice's tab, open all along, heard nothing of Bob's trades: user topics reach their owner only.
    expect(alicesTab.text()).not.toContain(trade?.id ?? '');
    alicesTab.close();
  });

  it('refuses bad imports with the shared error shape: no CSRF header, an unknown format, a file over the limit', async () => {
    const form = new FormData();
    form.set('file', new Blob(['a,b\n1,2\n']), 'x.csv');
    const encoded = new Response(form);
    const noCsrf = await alice.client.request(`/api/logs/${logId}/import`, { method: 'POST', headers: { 'content-type': encoded.headers.get('content-type') ?? '' }, body: Buffer.from(await encoded.arrayBuffer()) });
    expect(noCsrf.status).toBe(403);

    const unknown = await importFile(alice, logId, Buffer.from('Date,Thing\n2026-12-01,1\n'), 'mystery.csv');
    expect(unknown.status).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'unprocessable' });
    for (const format of DETECTABLE_IMPORT_FORMATS) expect(unknown.text()).toContain(format);

    // Past the journal's limit but inside nginx's envelope allowance: the journal's own 413.
    const tooLarge = await importFile(alice, logId, Buffer.alloc(JOURNAL_IMPORT_MAX_BYTES + 1, 'a'), 'huge.csv');
    expect(tooLarge.status, tooLarge.text()).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'payload-too-large' });
    // Far past it: nginx refuses from the Content-Length before the journal reads a byte, in the same
    // error shape. Over HTTP/1.1; over HTTP/2 nginx resets the stream of a body it will not read.
    const huge = new FormData();
    huge.set('file', new Blob([Buffer.alloc(JOURNAL_IMPORT_MAX_BYTES + 1024 * 1024, 'a')]), 'huger.csv');
    const wayTooLarge = await http1Upload(stack.nginxUrl, `/api/logs/${logId}/import`, huge, alice);
    expect(wayTooLarge.status, wayTooLarge.body).toBe(413);
    expect(JSON.parse(wayTooLarge.body)).toMatchObject({ code: 'payload-too-large' });
    // A JSON route under /api/logs keeps the small JSON limit.
    const bigJson = await alice.client.json('/api/logs', 'POST', { name: 'x'.repeat(200_000), currency: 'USD', startingCapital: 0 }, alice.csrf);
    expect(bigJson.status, bigJson.text()).toBe(413);
  });
});
