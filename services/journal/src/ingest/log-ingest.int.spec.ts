import { createHash, randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { parseMicros } from '../database/money.js';
import { describeOnBothDialects } from '../database/testing/describe-on-both-dialects.js';
import { ExecutionsRepository, type NewExecution } from '../executions/executions.repository.js';
import { TradeLogsRepository } from '../trade-logs/trade-logs.repository.js';
import { TradesRepository } from '../trades/trades.repository.js';
import { LogIngest, type IngestOptions } from './log-ingest.js';

const OPEN = Date.UTC(2026, 11, 1, 15, 2); // 10:02 New York
const CLOSE = Date.UTC(2026, 11, 1, 19, 45); // 14:45
const FIFO: IngestOptions = { grouping: { costBasis: 'fifo', now: Date.UTC(2026, 11, 1, 20, 0) } };

/** One SPXW 0DTE put, filled on thinkorswim as part of the spread `combo`, $0.65 + $0.0125 a contract. */
const put = (row: string, combo: string, strike: string, side: 'buy' | 'sell', effect: 'open' | 'close', price: string, at: number): NewExecution => ({
  broker: 'thinkorswim',
  sourceFile: 'AccountStatement.csv',
  rowHash: createHash('sha256').update(row).digest('hex'),
  account: null,
  orderId: null,
  comboId: combo,
  brokerExecutionId: null,
  event: 'fill',
  executedAt: at,
  executedAtText: new Date(at).toISOString(),
  timeZone: 'America/New_York',
  currency: 'USD',
  instrumentKind: 'option',
  symbol: `SPXW 261201P${strike}`,
  underlying: 'SPXW',
  expiry: '2026-12-01',
  strikeMicros: parseMicros(strike),
  optionRight: 'P',
  side,
  positionEffect: effect,
  quantityMicros: parseMicros('1'),
  priceMicros: parseMicros(price),
  multiplierMicros: parseMicros('100'),
  commissionMicros: parseMicros('0.65'),
  exchangeFeeMicros: parseMicros('0.0125'),
  clearingFeeMicros: 0,
});

/** Sell 5900P at 4.85, buy 5895P at 3.10: a 5-wide put credit vertical for 1.75 (risk (5 − 1.75) × 100 = $325). */
const opening = [put('open-short', 'V1', '5900', 'sell', 'open', '4.85', OPEN), put('open-long', 'V1', '5895', 'buy', 'open', '3.10', OPEN)];
/** Bought back at 0.40: gross (1.75 − 0.40) × 100 = $135; 4 fills × $0.6625 = $2.65 fees; net $132.35. */
const closing = [put('close-short', 'V2', '5900', 'buy', 'close', '0.55', CLOSE), put('close-long', 'V2', '5895', 'sell', 'close', '0.15', CLOSE)];

describeOnBothDialects(LogIngest.name, (fixture) => {
  let userId: string;
  let logId: string;
  let ingest: LogIngest;
  let trades: TradesRepository;

  beforeEach(async () => {
    userId = randomUUID();
    logId = (await new TradeLogsRepository(fixture.db()).create(userId, { name: 'Cash', currency: 'USD', startingCapitalMicros: 0 })).id;
    ingest = new LogIngest(fixture.db());
    trades = new TradesRepository(fixture.db());
  });

  it('turns a file of fills into trades in one commit, stamping each new trade once', async () => {
    const stamped: string[] = [];
    const outcome = await ingest.commit(userId, logId, [...opening, ...closing], { ...FIFO, stamp: (trade) => (stamped.push(trade.key), Promise.resolve({ status: 'unavailable', reason: 'before-retention' })) });
    expect(outcome).toMatchObject({ executions: 4, duplicates: 0, trades: 1, rewritten: [], removed: [], unmatched: [] });
    const [id] = outcome?.created ?? [];
    const trade = await trades.get(userId, id ?? '');
    expect(trade).toMatchObject({ strategy: 'vertical', status: 'closed', grossMicros: parseMicros('135'), feesMicros: parseMicros('2.65'), netMicros: parseMicros('132.35'), riskMicros: parseMicros('325') });
    expect(trade?.marketAtEntry).toEqual({ status: 'unavailable', reason: 'before-retention' });
    expect(stamped).toHaveLength(1);
  });

  it('closes the same trade when the closing fills arrive in a later import, keeping its id, notes and the risk the trader typed', async () => {
    const first = await ingest.commit(userId, logId, opening, FIFO);
    const id = first?.created[0] ?? '';
    expect((await trades.get(userId, id))?.status).toBe('open');
    await trades.update(userId, id, { notes: 'sold into the morning pop', riskMicros: parseMicros('300') });

    const second = await ingest.commit(userId, logId, closing, FIFO);
    expect(second).toMatchObject({ executions: 2, trades: 1, created: [], rewritten: [id], removed: [], unmatched: [] });
    expect(await trades.get(userId, id)).toMatchObject({ status: 'closed', closedAt: CLOSE, netMicros: parseMicros('132.35'), notes: 'sold into the morning pop', riskMicros: parseMicros('300') });
  });

  it('adds nothing when the same file is imported again', async () => {
    await ingest.commit(userId, logId, [...opening, ...closing], FIFO);
    const again = await ingest.commit(userId, logId, [...opening, ...closing], FIFO);
    expect(again).toEqual({ executions: 0, duplicates: 4, trades: 0, created: [], rewritten: [], removed: [], unmatched: [] });
    expect((await trades.listByLog(userId, logId, {}, { limit: 10 })).trades).toHaveLength(1);
  });

  it('previews exactly what a commit then does, writing nothing', async () => {
    await ingest.commit(userId, logId, opening, FIFO);
    const preview = await ingest.preview(userId, logId, [...opening, ...closing], FIFO);
    expect(preview).toMatchObject({ executions: 2, duplicates: 2, trades: 1 });
    expect(await new ExecutionsRepository(fixture.db()).listByLog(userId, logId)).toHaveLength(2);
    const committed = await ingest.commit(userId, logId, [...opening, ...closing], FIFO);
    expect(committed).toMatchObject({ executions: preview?.executions, duplicates: preview?.duplicates, trades: preview?.trades });
  });

  it('writes nothing at all when any step of the commit fails: no fill lands without its trade', async () => {
    const failing = ingest.commit(userId, logId, [...opening, ...closing], { ...FIFO, stamp: () => Promise.reject(new Error('market Redis went away')) });
    await expect(failing).rejects.toThrow('market Redis went away');
    expect(await new ExecutionsRepository(fixture.db()).listByLog(userId, logId)).toEqual([]);
    expect((await trades.listByLog(userId, logId, {}, { limit: 10 })).trades).toEqual([]);
  });

  it("never writes into another user's log", async () => {
    expect(await ingest.commit(randomUUID(), logId, opening, FIFO)).toBeUndefined();
    expect(await ingest.preview(randomUUID(), logId, opening, FIFO)).toBeUndefined();
    expect(await new ExecutionsRepository(fixture.db()).listByLog(userId, logId)).toEqual([]);
  });

  it('closes a 0DTE spread left open past the PM close at the settlement value the market feed had, asking once per expiry', async () => {
    // Long the 5900/5895 put spread for 1.75 (the same two legs bought and sold the other way round), held to expiry.
    const debit = [put('d-long', 'D1', '5900', 'buy', 'open', '4.85', OPEN), put('d-short', 'D1', '5895', 'sell', 'open', '3.10', OPEN)];
    const asked: string[] = [];
    const settle = (leg: { underlying: string; expiry: string; amSettled: boolean }) => (asked.push(`${leg.underlying} ${leg.expiry} ${leg.amSettled ? 'AM' : 'PM'}`), Promise.resolve(5_897_000_000));
    const outcome = await ingest.commit(userId, logId, debit, { grouping: { costBasis: 'fifo', now: Date.UTC(2026, 11, 2) }, settle });
    // SPX settles at 5897: the 5900 put is worth 3, the 5895 put 0 → the spread settles at 3.00.
    // Gross (3.00 − 1.75) × 100 = $125; fees only on the two opening fills: 2 × $0.6625 = $1.325; net $123.675.
    expect(await trades.get(userId, outcome?.created[0] ?? '')).toMatchObject({ status: 'closed', grossMicros: parseMicros('125'), feesMicros: parseMicros('1.325'), netMicros: parseMicros('123.675') });
    expect(new Set(asked)).toEqual(new Set(['SPXW 2026-12-01 PM']));
  });

  it('leaves such a spread open while nobody knows the settlement value', async () => {
    const debit = [put('u-long', 'U1', '5900', 'buy', 'open', '4.85', OPEN), put('u-short', 'U1', '5895', 'sell', 'open', '3.10', OPEN)];
    const outcome = await ingest.commit(userId, logId, debit, { grouping: { costBasis: 'fifo', now: Date.UTC(2026, 11, 2) }, settle: () => Promise.resolve(undefined) });
    expect((await trades.get(userId, outcome?.created[0] ?? ''))?.status).toBe('open');
  });

  it('lets two imports into one log run at once: they take turns, and the closing fills join the trade the other opened', async () => {
    const [a, b] = await Promise.all([ingest.commit(userId, logId, opening, FIFO), ingest.commit(userId, logId, closing, FIFO)]);
    expect((a?.executions ?? 0) + (b?.executions ?? 0)).toBe(4);
    const all = (await trades.listByLog(userId, logId, {}, { limit: 10 })).trades;
    // Whichever ran second regrouped all four fills: one closed vertical, net $132.35, whatever the order.
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'closed', netMicros: parseMicros('132.35') });
  });

  it('keeps a trade, its notes and a typed risk when last month\'s file, imported after this month\'s, moves its opening earlier', async () => {
    // This month: short the 5900/5895 put vertical on Dec 1 (OPEN) and buy it back (CLOSE).
    const first = await ingest.commit(userId, logId, [...opening, ...closing], FIFO);
    const id = first?.created[0] ?? '';
    await trades.update(userId, id, { notes: 'sold into the morning pop', riskMicros: parseMicros('300') });
    // Last month's file: the same spread sold once already on Nov 30 — the position was 2 wide until Dec 1's close of 1.
    const NOV_30 = Date.UTC(2026, 10, 30, 15, 0);
    const backfill = [put('nov-short', 'V0', '5900', 'sell', 'open', '4.00', NOV_30), put('nov-long', 'V0', '5895', 'buy', 'open', '2.50', NOV_30)];
    const second = await ingest.commit(userId, logId, backfill, FIFO);
    // FIFO: Dec 1's close matches the Nov 30 entry first, so the trade now opens on Nov 30 — under the same id.
    expect(second?.created).not.toContain(id);
    expect(second?.removed).toEqual([]);
    const kept = await trades.get(userId, id);
    expect(kept).toMatchObject({ openedAt: NOV_30, notes: 'sold into the morning pop', riskMicros: parseMicros('300') });
  });

  it('names the fills that close a position the log has no opening for, in a preview and a commit alike', async () => {
    const hashes = closing.map((f) => f.rowHash);
    expect((await ingest.preview(userId, logId, closing, FIFO))?.unmatched).toEqual(hashes);
    const outcome = await ingest.commit(userId, logId, closing, FIFO);
    expect(outcome).toMatchObject({ executions: 2, trades: 0, unmatched: hashes });
    // Once the opening arrives, they close it: nothing is unmatched any more.
    expect((await ingest.commit(userId, logId, opening, FIFO))?.unmatched).toEqual([]);
  });
});
