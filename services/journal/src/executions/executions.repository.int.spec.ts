import { createHash, randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { parseMicros } from '../database/money.js';
import { describeOnBothDialects } from '../database/testing/describe-on-both-dialects.js';
import { TradeLogsRepository } from '../trade-logs/trade-logs.repository.js';
import { ExecutionsRepository, type NewExecution } from './executions.repository.js';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/** One leg of an SPX 0DTE put vertical as thinkorswim exports it: 2 contracts, $0.65 + $0.0213 + $0.02 a contract. */
const leg = (strike: string, side: 'buy' | 'sell', price: string, line: number): NewExecution => ({
  broker: 'thinkorswim',
  sourceFile: 'AccountStatement.csv',
  rowHash: hash(`tos|${line}`),
  account: '***1234',
  orderId: null,
  comboId: 'VERTICAL-1',
  brokerExecutionId: null,
  event: 'fill',
  executedAt: Date.UTC(2026, 11, 1, 15, 2, 11),
  executedAtText: '12/1/26 10:02:11',
  timeZone: 'America/New_York',
  currency: 'USD',
  instrumentKind: 'option',
  symbol: `SPXW  261201P0${strike}000`,
  underlying: 'SPX',
  expiry: '2026-12-01',
  strikeMicros: parseMicros(strike),
  optionRight: 'P',
  side,
  positionEffect: 'open',
  quantityMicros: parseMicros('2'),
  priceMicros: parseMicros(price),
  multiplierMicros: parseMicros('100'),
  // 2 contracts: commission 2 × 0.65 = 1.30, exchange 2 × 0.0213 = 0.0426, clearing 2 × 0.02 = 0.04
  commissionMicros: parseMicros('1.30'),
  exchangeFeeMicros: parseMicros('0.0426'),
  clearingFeeMicros: parseMicros('0.04'),
});

describeOnBothDialects(ExecutionsRepository.name, (fixture) => {
  let executions: ExecutionsRepository;
  let alice: string;
  let bob: string;
  let aliceLog: string;

  beforeEach(async () => {
    executions = new ExecutionsRepository(fixture.db(), () => Date.UTC(2026, 11, 2));
    alice = randomUUID();
    bob = randomUUID();
    aliceLog = (await new TradeLogsRepository(fixture.db()).create(alice, { name: 'TOS', currency: 'USD', startingCapitalMicros: 0 })).id;
  });

  const vertical = () => [leg('5900', 'sell', '4.85', 7), leg('5890', 'buy', '3.10', 8)];

  it('stores each fill with its fees split and exact to the millionth', async () => {
    const result = await executions.insertMany(alice, aliceLog, vertical());
    expect(result?.duplicates).toBe(0);
    // Both legs share one timestamp; sort by strike, high first, to compare.
    const stored = (await executions.listByLog(alice, aliceLog))?.sort((a, b) => (b.strikeMicros ?? 0) - (a.strikeMicros ?? 0));
    expect(stored?.map((e) => [e.strikeMicros, e.side, e.priceMicros, e.commissionMicros, e.exchangeFeeMicros, e.clearingFeeMicros])).toEqual([
      [5_900_000_000, 'sell', 4_850_000, 1_300_000, 42_600, 40_000],
      [5_890_000_000, 'buy', 3_100_000, 1_300_000, 42_600, 40_000],
    ]);
    expect(stored?.[0]).toEqual({ ...leg('5900', 'sell', '4.85', 7), id: result?.inserted[0]?.id, logId: aliceLog, createdAt: Date.UTC(2026, 11, 2) });
  });

  it('adds nothing when the same file is imported again, and only the new row of a longer file', async () => {
    await executions.insertMany(alice, aliceLog, vertical());
    expect(await executions.insertMany(alice, aliceLog, vertical())).toEqual({ inserted: [], duplicates: 2 });
    const longer = await executions.insertMany(alice, aliceLog, [...vertical(), leg('5880', 'buy', '2.40', 9)]);
    expect(longer?.duplicates).toBe(2);
    expect(longer?.inserted.map((e) => e.strikeMicros)).toEqual([5_880_000_000]);
    expect(await executions.listByLog(alice, aliceLog)).toHaveLength(3);
  });

  it('tells which row hashes a log already holds, for a preview that writes nothing', async () => {
    await executions.insertMany(alice, aliceLog, [leg('5900', 'sell', '4.85', 7)]);
    expect(await executions.existingRowHashes(alice, aliceLog, [hash('tos|7'), hash('tos|8')])).toEqual(new Set([hash('tos|7')]));
    expect(await executions.existingRowHashes(bob, aliceLog, [hash('tos|7')])).toEqual(new Set());
  });

  it("writes nothing into another user's log and shows them none of its fills", async () => {
    await executions.insertMany(alice, aliceLog, vertical());
    expect(await executions.insertMany(bob, aliceLog, [leg('5000', 'buy', '1', 99)])).toBeUndefined();
    expect(await executions.listByLog(bob, aliceLog)).toBeUndefined();
    expect(await executions.listByLog(alice, aliceLog)).toHaveLength(2);
  });

  it('lists fills in time order', async () => {
    const later = { ...leg('5900', 'buy', '0.05', 20), executedAt: Date.UTC(2026, 11, 1, 20, 0), positionEffect: 'close' as const };
    await executions.insertMany(alice, aliceLog, [later, ...vertical()]);
    expect((await executions.listByLog(alice, aliceLog))?.map((e) => e.executedAt)).toEqual([Date.UTC(2026, 11, 1, 15, 2, 11), Date.UTC(2026, 11, 1, 15, 2, 11), Date.UTC(2026, 11, 1, 20, 0)]);
  });
});
