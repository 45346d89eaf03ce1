import { createHash, randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseMicros } from '../database/money.js';
import { describeOnBothDialects } from '../database/testing/describe-on-both-dialects.js';
import { ExecutionsRepository, type NewExecution } from '../executions/executions.repository.js';
import { TagsRepository } from '../tags/tags.repository.js';
import { TradeLogsRepository } from '../trade-logs/trade-logs.repository.js';
import { InvalidCursorError, TradesRepository, type NewTrade } from './trades.repository.js';

const OPEN = Date.UTC(2026, 11, 1, 15, 2);
const CLOSE = Date.UTC(2026, 11, 1, 19, 45);

const fill = (line: number, strike: string, side: 'buy' | 'sell', price: string): NewExecution => ({
  broker: 'thinkorswim',
  sourceFile: 'AccountStatement.csv',
  rowHash: createHash('sha256').update(`tos|${line}`).digest('hex'),
  account: null,
  orderId: null,
  comboId: 'VERTICAL-1',
  brokerExecutionId: null,
  event: 'fill',
  executedAt: OPEN,
  executedAtText: '12/1/26 10:02:00',
  timeZone: 'America/New_York',
  currency: 'USD',
  instrumentKind: 'option',
  symbol: `SPXW 261201P${strike}`,
  underlying: 'SPX',
  expiry: '2026-12-01',
  strikeMicros: parseMicros(strike),
  optionRight: 'P',
  side,
  positionEffect: 'open',
  quantityMicros: parseMicros('1'),
  priceMicros: parseMicros(price),
  multiplierMicros: parseMicros('100'),
  commissionMicros: parseMicros('0.65'),
  exchangeFeeMicros: parseMicros('0.0213'),
  clearingFeeMicros: parseMicros('0.02'),
});

/**
 * A 5-wide SPX put credit vertical: sell 5900P at 4.85, buy 5895P at 3.10 → credit 1.75 × 100 = $175.
 * Closed at 0.40 → gross (1.75 − 0.40) × 100 = $135. Fees: 4 fills × (0.65 + 0.0213 + 0.02) = $2.7652;
 * net 135 − 2.7652 = $132.2348. Risk (5 − 1.75) × 100 = $325.
 */
const creditVertical = (executionIds: { short: string; long: string }, openedAt = OPEN, symbol = 'SPXW'): NewTrade => ({
  symbol,
  strategy: 'vertical',
  side: 'credit',
  quantityMicros: parseMicros('1'),
  openedAt,
  closedAt: CLOSE,
  status: 'closed',
  grossMicros: parseMicros('135'),
  feesMicros: parseMicros('2.7652'),
  netMicros: parseMicros('132.2348'),
  riskMicros: parseMicros('325'),
  notes: '',
  marketAtEntry: { spot: 5921.4, vix: 14.2, gexRegime: 'positive' },
  legs: [
    { instrumentKind: 'option', symbol: 'SPXW 261201P5900', expiry: '2026-12-01', strikeMicros: parseMicros('5900'), optionRight: 'P', side: 'sell', quantityMicros: parseMicros('1'), openPriceMicros: parseMicros('4.85'), closePriceMicros: parseMicros('0.30'), multiplierMicros: parseMicros('100'), fills: [{ executionId: executionIds.short, quantityMicros: parseMicros('1') }] },
    { instrumentKind: 'option', symbol: 'SPXW 261201P5895', expiry: '2026-12-01', strikeMicros: parseMicros('5895'), optionRight: 'P', side: 'buy', quantityMicros: parseMicros('1'), openPriceMicros: parseMicros('3.10'), closePriceMicros: parseMicros('-0.10'), multiplierMicros: parseMicros('100'), fills: [{ executionId: executionIds.long, quantityMicros: parseMicros('1') }] },
  ],
});

describeOnBothDialects(TradesRepository.name, (fixture) => {
  let trades: TradesRepository;
  let alice: string;
  let bob: string;
  let aliceLog: string;
  let bobLog: string;
  let fills: { short: string; long: string };

  beforeEach(async () => {
    const clock = () => Date.UTC(2026, 11, 2);
    trades = new TradesRepository(fixture.db(), clock);
    alice = randomUUID();
    bob = randomUUID();
    const logs = new TradeLogsRepository(fixture.db(), clock);
    aliceLog = (await logs.create(alice, { name: 'TOS', currency: 'USD', startingCapitalMicros: 0 })).id;
    bobLog = (await logs.create(bob, { name: 'Bob', currency: 'USD', startingCapitalMicros: 0 })).id;
    const stored = await new ExecutionsRepository(fixture.db(), clock).insertMany(alice, aliceLog, [fill(1, '5900', 'sell', '4.85'), fill(2, '5895', 'buy', '3.10')]);
    const byStrike = new Map(stored?.inserted.map((e) => [e.strikeMicros, e.id]));
    fills = { short: byStrike.get(5_900_000_000)!, long: byStrike.get(5_895_000_000)! };
  });

  it('stores a multi-leg trade as one trade with its legs, fills and exact money, and reads it back', async () => {
    const [stored] = (await trades.insertMany(alice, aliceLog, [creditVertical(fills)])) ?? [];
    const { legs, ...trade } = creditVertical(fills);
    expect(stored).toMatchObject({ ...trade, logId: aliceLog, tagIds: [], createdAt: Date.UTC(2026, 11, 2) });
    expect(stored?.legs.map(({ id: _id, ...leg }) => leg)).toEqual(legs.map((leg, legIndex) => ({ ...leg, legIndex })));
    expect([stored?.grossMicros, stored?.feesMicros, stored?.netMicros, stored?.riskMicros]).toEqual([135_000_000, 2_765_200, 132_234_800, 325_000_000]);
    expect(await trades.get(alice, stored!.id)).toEqual(stored);
  });

  it("writes nothing into another user's log, nor with another user's fills", async () => {
    expect(await trades.insertMany(bob, aliceLog, [creditVertical(fills)])).toBeUndefined();
    expect(await trades.insertMany(bob, bobLog, [creditVertical(fills)])).toBeUndefined();
    expect((await trades.listByLog(alice, aliceLog, {}, { limit: 10 })).trades).toEqual([]);
    expect((await trades.listByLog(bob, bobLog, {}, { limit: 10 })).trades).toEqual([]);
  });

  it("treats another user's trade as not there: no read, no edit, no tags", async () => {
    const [mine] = (await trades.insertMany(alice, aliceLog, [creditVertical(fills)])) ?? [];
    expect(await trades.get(bob, mine!.id)).toBeUndefined();
    expect(await trades.update(bob, mine!.id, { notes: 'mine now' })).toBeUndefined();
    expect(await trades.setTags(bob, mine!.id, [])).toBeUndefined();
    expect((await trades.listByLog(bob, aliceLog, {}, { limit: 10 })).trades).toEqual([]);
    expect((await trades.get(alice, mine!.id))?.notes).toBe('');
  });

  it('edits notes and defined risk, leaving the rest', async () => {
    const [trade] = (await trades.insertMany(alice, aliceLog, [creditVertical(fills)])) ?? [];
    expect(await trades.update(alice, trade!.id, { notes: 'sold into the VIX spike' })).toMatchObject({ notes: 'sold into the VIX spike', riskMicros: 325_000_000 });
    expect(await trades.update(alice, trade!.id, { riskMicros: null })).toMatchObject({ notes: 'sold into the VIX spike', riskMicros: null });
  });

  it("tags a trade with the user's own tags only, and filters by tag", async () => {
    const tagRepo = new TagsRepository(fixture.db());
    const fomc = await tagRepo.create(alice, 'FOMC');
    const bobs = await tagRepo.create(bob, 'FOMC');
    if (fomc === 'duplicate' || bobs === 'duplicate') throw new Error('setup');
    const [tagged, other] = (await trades.insertMany(alice, aliceLog, [creditVertical(fills), creditVertical(fills, OPEN + 1)])) ?? [];
    expect(await trades.setTags(alice, tagged!.id, [bobs.id])).toBe('unknown-tag');
    expect(await trades.setTags(alice, tagged!.id, [fomc.id, fomc.id])).toMatchObject({ tagIds: [fomc.id] });
    const page = await trades.listByLog(alice, aliceLog, { tagId: fomc.id }, { limit: 10 });
    expect(page.trades.map((t) => t.id)).toEqual([tagged!.id]);
    expect(other?.tagIds).toEqual([]);
  });

  it('pages newest first with a cursor, filtered by date range, symbol and status', async () => {
    const opens = [0, 1, 2, 3, 4].map((day) => Date.UTC(2026, 10, 24 + day, 15));
    await trades.insertMany(alice, aliceLog, [...opens.map((at) => creditVertical(fills, at)), creditVertical(fills, opens[2], 'XSP')]);
    const first = await trades.listByLog(alice, aliceLog, { symbol: 'SPXW' }, { limit: 2 });
    expect(first.trades.map((t) => t.openedAt)).toEqual([opens[4], opens[3]]);
    const second = await trades.listByLog(alice, aliceLog, { symbol: 'SPXW' }, { limit: 2, after: first.nextCursor! });
    expect(second.trades.map((t) => t.openedAt)).toEqual([opens[2], opens[1]]);
    const last = await trades.listByLog(alice, aliceLog, { symbol: 'SPXW' }, { limit: 2, after: second.nextCursor! });
    expect(last).toMatchObject({ nextCursor: null });
    expect(last.trades.map((t) => t.openedAt)).toEqual([opens[0]]);
    const ranged = await trades.listByLog(alice, aliceLog, { from: opens[1], to: opens[3], status: 'closed' }, { limit: 10 });
    // from is inclusive, to exclusive: days 1 and 2, the XSP trade of day 2 included
    expect(ranged.trades.map((t) => t.openedAt)).toEqual([opens[2], opens[2], opens[1]]);
    expect(ranged.trades.map((t) => t.symbol).sort()).toEqual(['SPXW', 'SPXW', 'XSP']);
    expect((await trades.listByLog(alice, aliceLog, { status: 'open' }, { limit: 10 })).trades).toEqual([]);
  });

  it('refuses a cursor it did not write', async () => {
    await expect(trades.listByLog(alice, aliceLog, {}, { limit: 2, after: 'not-a-cursor' })).rejects.toThrow(InvalidCursorError);
  });

  it('pages oldest first with sort order asc, the cursor moving forward', async () => {
    const opens = [0, 1, 2].map((day) => Date.UTC(2026, 10, 24 + day, 15));
    await trades.insertMany(alice, aliceLog, opens.map((at) => creditVertical(fills, at)));
    const first = await trades.listByLog(alice, aliceLog, {}, { limit: 2, order: 'asc' });
    expect(first.trades.map((t) => t.openedAt)).toEqual([opens[0], opens[1]]);
    const last = await trades.listByLog(alice, aliceLog, {}, { limit: 2, order: 'asc', after: first.nextCursor! });
    expect(last.trades.map((t) => t.openedAt)).toEqual([opens[2]]);
    expect(last.nextCursor).toBeNull();
  });

  describe('closed trades for analytics', () => {
    const DAY = 86_400_000;
    const unfilled = (trade: NewTrade): NewTrade => ({ ...trade, legs: trade.legs.map((leg) => ({ ...leg, fills: [] })) });
    let otherLog: string;
    let ids: { first: string; second: string; xsp: string; open: string; other: string };
    let fomc: string;

    beforeEach(async () => {
      otherLog = (await new TradeLogsRepository(fixture.db()).create(alice, { name: 'IRA', currency: 'USD', startingCapitalMicros: 0 })).id;
      const stored = (await trades.insertMany(alice, aliceLog, [
        creditVertical(fills),
        { ...creditVertical(fills, OPEN + DAY), closedAt: CLOSE + DAY, strategy: 'iron condor' },
        { ...creditVertical(fills, OPEN + 2 * DAY, 'XSP'), closedAt: CLOSE + 2 * DAY },
        { ...creditVertical(fills, OPEN + 3 * DAY), status: 'open', closedAt: null },
      ]))!;
      const [other] = (await trades.insertMany(alice, otherLog, [unfilled({ ...creditVertical(fills), side: 'debit' })]))!;
      ids = { first: stored[0]!.id, second: stored[1]!.id, xsp: stored[2]!.id, open: stored[3]!.id, other: other!.id };
      const tagRepo = new TagsRepository(fixture.db());
      const fomcTag = await tagRepo.create(alice, 'FOMC');
      const zeroDte = await tagRepo.create(alice, '0DTE');
      if (fomcTag === 'duplicate' || zeroDte === 'duplicate') throw new Error('setup');
      fomc = fomcTag.id;
      await trades.setTags(alice, ids.first, [fomc, zeroDte.id]);
      await trades.setTags(alice, ids.xsp, [fomc]);
    });

    const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

    it('reads only closed trades, with exact money, the nearest leg expiry and tag names', async () => {
      const rows = await trades.listClosedForAnalytics(alice, {});
      // In close order; the other log's trade closes with the first one and opened at the same time, so the id decides.
      expect(rows.map((r) => r.id)).toEqual([...[ids.first, ids.other].sort(), ids.second, ids.xsp]);
      expect(rows.find((r) => r.id === ids.first)).toEqual({
        id: ids.first,
        symbol: 'SPXW',
        strategy: 'vertical',
        side: 'credit',
        quantityMicros: 1_000_000,
        openedAt: OPEN,
        closedAt: CLOSE,
        grossMicros: 135_000_000,
        feesMicros: 2_765_200,
        netMicros: 132_234_800,
        riskMicros: 325_000_000,
        nearestExpiry: '2026-12-01',
        tags: ['0DTE', 'FOMC'],
      });
      expect(rows.find((r) => r.id === ids.second)?.tags).toEqual([]);
    });

    it('filters by log, close time (from inclusive, to exclusive), symbol, strategy and tag', async () => {
      expect(idsOf(await trades.listClosedForAnalytics(alice, { logId: otherLog }))).toEqual([ids.other]);
      expect(idsOf(await trades.listClosedForAnalytics(alice, { logId: aliceLog, from: CLOSE + DAY, to: CLOSE + 2 * DAY }))).toEqual([ids.second]);
      expect(idsOf(await trades.listClosedForAnalytics(alice, { symbol: 'XSP' }))).toEqual([ids.xsp]);
      expect(idsOf(await trades.listClosedForAnalytics(alice, { strategy: 'iron condor' }))).toEqual([ids.second]);
      expect(idsOf(await trades.listClosedForAnalytics(alice, { tagId: fomc }))).toEqual([ids.first, ids.xsp].sort());
    });

    it("reads nothing of another user's, whatever the filter names", async () => {
      expect(await trades.listClosedForAnalytics(bob, {})).toEqual([]);
      expect(await trades.listClosedForAnalytics(bob, { logId: aliceLog })).toEqual([]);
      expect(await trades.listClosedForAnalytics(bob, { tagId: fomc })).toEqual([]);
    });
  });
});
