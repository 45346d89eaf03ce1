import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETECTABLE_IMPORT_FORMATS, JOURNAL_IMPORT_MAX_BYTES, type ImportResultDto, type IngestResultDto, type TradeDto, type TradeLogDto, type TradePageDto } from '@marketswarm/shared/dto';
import { repoRoot, type SignedInAccount } from '@marketswarm/shared/testing';
import { startJournalApp, type JournalApp } from './testing/journal-app.js';
import { fileForm } from './testing/journal-fixtures.js';

// The real broker samples, as the repository keeps them beside the importers.
const SAMPLES = path.join(repoRoot, 'services/journal/src/imports/fixtures/ok');

const upload = (file: Buffer | string, name: string, fields: Record<string, string> = {}): FormData => fileForm(file, name, { fields });

/**
 * The routes that add fills to a log — import, entry by hand, close, adjust — and the export, in
 * the real journal on SQLite: what each answers, what it writes, and that another user reaches none
 * of it. The ingest rules themselves are LogIngest's spec; these are the routes around them.
 */
describe('journal ingest and export routes', () => {
  let journal: JournalApp;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  let aliceLog: string;
  let bobLog: string;

  const defaultLog = async (who: SignedInAccount) => (await journal.call<{ logs: TradeLogDto[] }>(who, 'GET', '/api/logs')).body.logs[0]?.id ?? '';

  beforeAll(async () => {
    journal = await startJournalApp();
    alice = await journal.account('alice@example.com');
    bob = await journal.account('bob@example.com');
    aliceLog = await defaultLog(alice);
    bobLog = await defaultLog(bob);
  });
  afterAll(async () => {
    await journal?.stop();
  });

  describe('POST /api/logs/:id/import', () => {
    it('previews without writing, imports in one go, and adds nothing the second time', async () => {
      const file = await readFile(path.join(SAMPLES, 'tradovate_paired_trades_tradetally.csv'));
      const preview = await journal.call<ImportResultDto>(alice, 'POST', `/api/logs/${aliceLog}/import?dryRun=true`, upload(file, 'Performance.csv'));
      expect(preview.status, JSON.stringify(preview.body)).toBe(200);
      expect(preview.body).toMatchObject({ dryRun: true, format: 'tradovate-paired', broker: 'tradovate', duplicates: 0 });
      expect(preview.body.executions).toBeGreaterThan(0);
      expect((await journal.call<TradePageDto>(alice, 'GET', `/api/logs/${aliceLog}/trades`)).body.trades).toEqual([]);

      const commit = await journal.call<ImportResultDto>(alice, 'POST', `/api/logs/${aliceLog}/import`, upload(file, 'Performance.csv'));
      expect(commit.body).toEqual({ ...preview.body, dryRun: false });
      expect((await journal.call<TradePageDto>(alice, 'GET', `/api/logs/${aliceLog}/trades?limit=200`)).body.trades).toHaveLength(commit.body.trades);

      const again = await journal.call<ImportResultDto>(alice, 'POST', `/api/logs/${aliceLog}/import`, upload(file, 'Performance.csv'));
      expect(again.body).toMatchObject({ executions: 0, trades: 0, duplicates: commit.body.executions });
    });

    it("reads futures at the multiplier the trader set in /api/symbols, over the built-in table", async () => {
      const dave = await journal.account('dave@example.com');
      const log = await defaultLog(dave);
      // A broker that sizes MNQ at $20 a point (say, a mini mislabelled as a micro): the trader's own table wins.
      expect((await journal.call(dave, 'PUT', '/api/symbols/MNQ', { assetClass: 'future', multiplier: 20, tickSize: 0.25 })).status).toBe(200);
      const file = await readFile(new URL('./imports/fixtures/ok/tradovate_orders_constructed.csv', import.meta.url));
      await journal.call(dave, 'POST', `/api/logs/${log}/import`, upload(file, 'Orders.csv'));
      const mnq = (await journal.call<TradePageDto>(dave, 'GET', `/api/logs/${log}/trades?symbol=/MNQ`)).body.trades;
      // Lines 2 and 4: bought 2 @ 21 503.25, sold 2 @ 21 521.50: 18.25 × 2 × $20 = $730 (at the built-in $2 it would be $73).
      expect(mnq).toEqual([expect.objectContaining({ gross: 730, legs: [expect.objectContaining({ multiplier: 20 })] })]);
    });

    it('takes the format the trader names over detection, and refuses one it does not know, naming the field', async () => {
      const file = await readFile(path.join(SAMPLES, 'tradenote_template_executions.csv'));
      const named = await journal.call<ImportResultDto>(alice, 'POST', `/api/logs/${aliceLog}/import?dryRun=true`, upload(file, 'x.csv', { broker: 'tradenote' }));
      expect(named.body).toMatchObject({ format: 'tradenote' });
      const unknown = await journal.call(alice, 'POST', `/api/logs/${aliceLog}/import`, upload(file, 'x.csv', { broker: 'robinhood' }));
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ code: 'validation', issues: [{ path: 'broker' }] });
    });

    it('answers 422 listing every recognised format for a file it cannot read, 400 without a file, 413 past 10 MiB', async () => {
      const mystery = await journal.call<{ code: string; issues: { message: string }[] }>(alice, 'POST', `/api/logs/${aliceLog}/import`, upload('Date,Thing\n2026-12-01,1\n', 'mystery.csv'));
      expect(mystery.status).toBe(422);
      expect(mystery.body.code).toBe('unprocessable');
      // Every format a header can name; a generic CSV needs a mapping and is never detected.
      for (const format of DETECTABLE_IMPORT_FORMATS) expect(mystery.body.issues[0]?.message).toContain(format);
      expect(mystery.body.issues[0]?.message).not.toContain('generic-csv');

      const form = new FormData();
      form.set('broker', 'thinkorswim');
      const noFile = await journal.call(alice, 'POST', `/api/logs/${aliceLog}/import`, form);
      expect(noFile.status).toBe(400);
      expect(noFile.body).toMatchObject({ issues: [{ path: 'file' }] });

      const huge = await journal.call(alice, 'POST', `/api/logs/${aliceLog}/import`, upload(Buffer.alloc(JOURNAL_IMPORT_MAX_BYTES + 1, 'a'), 'huge.csv'));
      expect(huge.status, JSON.stringify(huge.body)).toBe(413);
      expect(huge.body).toMatchObject({ code: 'payload-too-large' });
    });

    it("refuses another user's log with 404 and writes nothing there, and needs the CSRF header", async () => {
      const file = await readFile(path.join(SAMPLES, 'tastytrade_cl_future.csv'));
      const intoAlices = await journal.call(bob, 'POST', `/api/logs/${aliceLog}/import`, upload(file, 'cl.csv'));
      expect(intoAlices.status).toBe(404);
      const preview = await journal.call(bob, 'POST', `/api/logs/${aliceLog}/import?dryRun=true`, upload(file, 'cl.csv'));
      expect(preview.status).toBe(404);
      const noCsrf = await journal.call(alice, 'POST', `/api/logs/${aliceLog}/import`, upload(file, 'cl.csv'), { csrf: false });
      expect(noCsrf.status).toBe(403);
    });
  });

  describe('trades by hand', () => {
    const call = (strike: number, side: 'buy' | 'sell', price: number, at: string) => ({
      executedAt: at,
      instrument: { kind: 'option', underlying: 'SPXW', expiry: '2027-03-19', strike, right: 'C' },
      side,
      positionEffect: 'open',
      quantity: 2,
      price,
      commission: 0.65,
      exchangeFee: 0.0125,
    });

    it('enters a call vertical, rolls its short leg up, and closes it, each step one trade', async () => {
      // Buy 2 6000C at 30.00, sell 2 6050C at 12.00: a 50-wide debit vertical for 18.00, risk 18 × 100 × 2 = $3600.
      const entered = await journal.call<IngestResultDto>(bob, 'POST', `/api/logs/${bobLog}/trades`, { fills: [call(6000, 'buy', 30, '2027-03-01T10:00:00-05:00'), call(6050, 'sell', 12, '2027-03-01T10:00:00-05:00')] });
      expect(entered.status, JSON.stringify(entered.body)).toBe(201);
      expect(entered.body.trades).toHaveLength(1);
      const [trade] = entered.body.trades as [TradeDto];
      expect(trade).toMatchObject({ symbol: 'SPX', strategy: 'vertical', side: 'long', quantity: 2, status: 'open', risk: 3600 });

      // Roll: buy back the 6050s at 20.00 and sell 2 6100C at 9.00 in one adjustment — it stays this trade.
      const rolled = await journal.call<IngestResultDto>(bob, 'POST', `/api/trades/${trade.id}/adjust`, {
        fills: [{ ...call(6050, 'buy', 20, '2027-03-05T11:00:00-05:00'), positionEffect: 'close' }, call(6100, 'sell', 9, '2027-03-05T11:00:00-05:00')],
      });
      expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
      expect(rolled.body.trades.map((t) => t.id)).toEqual([trade.id]);

      // Close both open legs: sell the 6000s at 60.00, buy the 6100s back at 25.00.
      const closed = await journal.call<IngestResultDto>(bob, 'POST', `/api/trades/${trade.id}/close`, { prices: [60, 25], at: '2027-03-12T15:00:00-04:00', commission: 0.65 });
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      // Cash per contract: −30 + 12 − 20 + 9 + 60 − 25 = 6.00 → gross 6 × 100 × 2 = $1200.
      // Fees: a typed fill's are its totals, 4 × (0.65 + 0.0125) = $2.65; the close's commission is per
      // contract, 2 legs × 2 × 0.65 = $2.60 → $5.25; net 1200 − 5.25 = $1194.75.
      expect(closed.body.trades).toEqual([expect.objectContaining({ id: trade.id, status: 'closed', gross: 1200, fees: 5.25, net: 1194.75 })]);
      // The close again: nothing is open.
      const twice = await journal.call(bob, 'POST', `/api/trades/${trade.id}/close`, { prices: [60, 25] });
      expect(twice.status).toBe(409);
    });

    it('adjusts an imported trade by hand: a typed option meets the OCC symbol, a typed fill the trade\'s account', async () => {
      const log = (await journal.call<{ id: string }>(alice, 'POST', '/api/logs', { name: 'Brokers' })).body.id;
      const fixture = (name: string) => readFile(new URL(`./imports/fixtures/ok/${name}`, import.meta.url));
      await journal.call(alice, 'POST', `/api/logs/${log}/import`, upload(await fixture('webull_orders_records_options_constructed.csv'), 'webull.csv'));
      await journal.call(alice, 'POST', `/api/logs/${log}/import`, upload(await fixture('ibkr_flex_trades_constructed.csv'), 'flex.csv'));
      const open = (await journal.call<TradePageDto>(alice, 'GET', `/api/logs/${log}/trades?status=open`)).body.trades;
      const spyPut = open.find((t) => t.symbol === 'SPY');
      const aapl = open.find((t) => t.symbol === 'AAPL');
      expect(spyPut && aapl).toBeTruthy();

      // Webull's long 3 SPY 670P @ .65 (OCC `SPY   251219P00670000`), sold by hand as typed: same leg, same trade.
      const sold = await journal.call<IngestResultDto>(alice, 'POST', `/api/trades/${spyPut?.id ?? ''}/adjust`, {
        fills: [{ executedAt: '2025-12-19T15:30:00-05:00', instrument: { kind: 'option', underlying: 'SPY', expiry: '2025-12-19', strike: 670, right: 'P' }, side: 'sell', positionEffect: 'close', quantity: 3, price: 1.05 }],
      });
      // (1.05 − .65) × 100 × 3 = $120, no fees.
      expect(sold.body.trades).toEqual([expect.objectContaining({ id: spyPut?.id, status: 'closed', gross: 120, net: 120 })]);

      // IBKR's 240 AAPL in account U1234567, sold by hand: the typed fill takes the trade's account and closes it.
      const closedAapl = await journal.call<IngestResultDto>(alice, 'POST', `/api/trades/${aapl?.id ?? ''}/adjust`, {
        fills: [{ executedAt: '2026-06-01T10:00:00-04:00', instrument: { kind: 'stock', symbol: 'AAPL' }, side: 'sell', positionEffect: 'close', quantity: 240, price: 301 }],
      });
      // (301 − 300) × 240 = $240; fees 1.000309 + .200411 = 1.20072 from the two opening fills.
      expect(closedAapl.body.trades).toEqual([expect.objectContaining({ id: aapl?.id, status: 'closed', gross: 240, fees: 1.20072 })]);

      // Closed now: another close is a conflict, and a close dated before the opening is refused naming `at`.
      expect((await journal.call(alice, 'POST', `/api/trades/${aapl?.id ?? ''}/close`, { prices: [1] })).status).toBe(409);
      const gold = (await journal.call<TradePageDto>(alice, 'GET', `/api/logs/${log}/trades?status=open&symbol=GOLD`)).body.trades[0];
      const early = await journal.call(alice, 'POST', `/api/trades/${gold?.id ?? ''}/close`, { prices: [45], at: '2026-01-01T10:00:00-05:00' });
      expect(early.status).toBe(400);
      expect(early.body).toMatchObject({ issues: [{ path: 'at' }] });
    });

    it('refuses a close with the wrong number of prices, naming the field, and another user\'s trade with 404', async () => {
      const entered = await journal.call<IngestResultDto>(bob, 'POST', `/api/logs/${bobLog}/trades`, { fills: [call(6200, 'buy', 5, '2027-03-02T10:00:00-05:00')] });
      const id = entered.body.trades[0]?.id ?? '';
      const wrong = await journal.call(bob, 'POST', `/api/trades/${id}/close`, { prices: [1, 2], at: '2027-03-03T10:00:00-05:00' });
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({ issues: [{ path: 'prices' }] });
      for (const route of [`/api/trades/${id}/close`, `/api/trades/${id}/adjust`]) {
        const res = await journal.call(alice, 'POST', route, route.endsWith('close') ? { prices: [1] } : { fills: [call(6200, 'sell', 6, '2027-03-03T10:00:00-05:00')] });
        expect(res.status, route).toBe(404);
      }
      const intoBobs = await journal.call(alice, 'POST', `/api/logs/${bobLog}/trades`, { fills: [call(6200, 'buy', 5, '2027-03-02T10:00:00-05:00')] });
      expect(intoBobs.status).toBe(404);
    });

    it('names the field of a bad fill', async () => {
      const bad = await journal.call(bob, 'POST', `/api/logs/${bobLog}/trades`, { fills: [{ ...call(6200, 'buy', 5, 'yesterday'), quantity: -1 }] });
      expect(bad.status).toBe(400);
      expect((bad.body['issues'] as { path: string }[]).map((i) => i.path).sort()).toEqual(['fills.0.executedAt', 'fills.0.quantity']);
      // A future whose root the symbol table does not know has no safe multiplier; a stock's is 1.
      const unknownFuture = { ...call(6200, 'buy', 5, '2027-03-02T10:00:00-05:00'), instrument: { kind: 'future', symbol: '/ZZH7', underlying: '/ZZ' } };
      const noMultiplier = await journal.call(bob, 'POST', `/api/logs/${bobLog}/trades`, { fills: [unknownFuture] });
      expect(noMultiplier.status).toBe(400);
      expect(noMultiplier.body).toMatchObject({ issues: [{ path: 'fills.0.instrument.underlying' }] });
      const stock = await journal.call<IngestResultDto>(bob, 'POST', `/api/logs/${bobLog}/trades`, { fills: [{ ...call(6200, 'buy', 5, '2027-03-02T10:00:00-05:00'), instrument: { kind: 'stock', symbol: 'ZZZZ' } }] });
      expect(stock.status, JSON.stringify(stock.body)).toBe(201);
      expect(stock.body.trades[0]?.legs[0]).toMatchObject({ multiplier: 1, quantity: 2 });
    });
  });

  describe('live updates', () => {
    /** The user's positions as the snapshot hash keeps them for a tab that opens later. */
    const positionsOf = async (who: SignedInAccount): Promise<{ id: string; legs: { quantity: number }[] }[]> => {
      const raw = await journal.system.hget('{system}:snapshot:positions', who.userId);
      return raw === null ? [] : (JSON.parse(raw) as { data: { positions: { id: string; legs: { quantity: number }[] }[] } }).data.positions;
    };

    it('publishes the open positions after an entry, with what is still open of each leg, and drops an archived log\'s', async () => {
      const carol = await journal.account('carol@example.com');
      await defaultLog(carol); // so the log below is not the default, which cannot be archived
      const log = (await journal.call<{ id: string }>(carol, 'POST', '/api/logs', { name: 'Swing' })).body.id;
      const put = (quantity: number, side: 'buy' | 'sell', effect: 'open' | 'close', at: string) => ({
        executedAt: at,
        instrument: { kind: 'option', underlying: 'SPY', expiry: '2027-06-18', strike: 600, right: 'P' },
        side,
        positionEffect: effect,
        quantity,
        price: 7.5,
      });
      const entered = await journal.call<IngestResultDto>(carol, 'POST', `/api/logs/${log}/trades`, { fills: [put(3, 'buy', 'open', '2027-03-01T10:00:00-05:00')] });
      const id = entered.body.trades[0]?.id ?? '';
      expect(await positionsOf(carol)).toEqual([expect.objectContaining({ id, legs: [expect.objectContaining({ quantity: 3 })] })]);
      // Sell 1 of the 3: the position shows the 2 still open.
      await journal.call(carol, 'POST', `/api/trades/${id}/adjust`, { fills: [put(1, 'sell', 'close', '2027-03-02T10:00:00-05:00')] });
      expect(await positionsOf(carol)).toEqual([expect.objectContaining({ id, legs: [expect.objectContaining({ quantity: 2 })] })]);

      // A note edited in one tab reaches the others as an update of that trade.
      await journal.call(carol, 'PATCH', `/api/trades/${id}`, { notes: 'hedge for the CPI print' });
      const [[, fields] = ['', []]] = await journal.system.xrevrange('{system}:stream:trades', '+', '-', 'COUNT', 1);
      expect(JSON.parse(fields[1] ?? '{}')).toMatchObject({ topic: 'trades', type: 'updated', user: carol.userId, data: { id } });
      expect((await journal.call(carol, 'POST', `/api/logs/${log}/archive`)).status).toBe(200);
      expect(await positionsOf(carol)).toEqual([]);
      // An archived log takes no new fills, typed or imported.
      const intoArchived = await journal.call(carol, 'POST', `/api/logs/${log}/trades`, { fills: [put(1, 'buy', 'open', '2027-03-03T10:00:00-05:00')] });
      expect(intoArchived.status).toBe(409);
      expect((await journal.call(carol, 'POST', `/api/logs/${log}/import`, upload('x', 'x.csv'))).status).toBe(409);
      await journal.call(carol, 'POST', `/api/logs/${log}/reactivate`);
      expect((await positionsOf(carol)).map((p) => p.id)).toEqual([id]);
      await journal.call(carol, 'DELETE', `/api/logs/${log}`);
      expect(await positionsOf(carol)).toEqual([]);
    });
  });

  describe('GET /api/logs/:id/export', () => {
    it('downloads trades as CSV and executions as XLSX, and nobody else\'s', async () => {
      const csv = await journal.call<string>(alice, 'GET', `/api/logs/${aliceLog}/export?of=trades&format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toBe('attachment; filename="Main-trades.csv"');
      expect(csv.headers.get('cache-control')).toBe('private, no-store');
      const trades = (await journal.call<TradePageDto>(alice, 'GET', `/api/logs/${aliceLog}/trades?limit=200`)).body.trades;
      expect(csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/)).toHaveLength(trades.length + 1);

      const xlsx = await fetch(`${journal.url}/api/logs/${aliceLog}/export?of=executions&format=xlsx`, { headers: { cookie: alice.cookie } });
      expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK');

      expect((await journal.call(bob, 'GET', `/api/logs/${aliceLog}/export`)).status).toBe(404);
      const bad = await journal.call(alice, 'GET', `/api/logs/${aliceLog}/export?format=pdf`);
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ issues: [{ path: 'format' }] });
    });
  });
});
