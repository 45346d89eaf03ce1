import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { parseMicros } from '../database/money.js';
import { describeOnBothDialects } from '../database/testing/describe-on-both-dialects.js';
import { TradeLogsRepository } from '../trade-logs/trade-logs.repository.js';
import { TradesRepository } from '../trades/trades.repository.js';
import { PlaybookRepository } from './playbook.repository.js';

const DAY = Date.UTC(2026, 11, 7, 15);

describeOnBothDialects(PlaybookRepository.name, (fixture) => {
  let clock: number;
  let playbook: PlaybookRepository;
  let alice: string;
  let bob: string;

  beforeEach(() => {
    clock = DAY;
    playbook = new PlaybookRepository(fixture.db(), () => clock);
    alice = randomUUID();
    bob = randomUUID();
  });

  /** A closed trade with no legs in a new log of the user. */
  const aTrade = async (userId: string): Promise<{ logId: string; tradeId: string }> => {
    const log = await new TradeLogsRepository(fixture.db()).create(userId, { name: 'Main', currency: 'USD', startingCapitalMicros: 0 });
    const [trade] =
      (await new TradesRepository(fixture.db()).insertMany(userId, log.id, [
        { symbol: 'SPX', strategy: 'single', side: 'long', quantityMicros: parseMicros('1'), openedAt: DAY, closedAt: DAY + 60_000, status: 'closed', grossMicros: 0, feesMicros: 0, netMicros: 0, riskMicros: null, notes: '', marketAtEntry: null, legs: [] },
      ])) ?? [];
    if (!trade) throw new Error('setup');
    return { logId: log.id, tradeId: trade.id };
  };

  const rule = (userId: string, title = 'No entry before 10:00') => playbook.createEntry(userId, { kind: 'rule', status: 'active', title, body: '', tags: ['open'], groupId: null });

  it('puts a new group after the last of its kind, and ungroups its entries when it is deleted', async () => {
    const a = await playbook.createGroup(alice, { name: 'A', kind: 'entry' });
    const b = await playbook.createGroup(alice, { name: 'B', kind: 'entry' });
    const exit = await playbook.createGroup(alice, { name: 'Exit', kind: 'exit' });
    expect([a.position, b.position, exit.position]).toEqual([0, 1, 0]);
    const entry = await playbook.createEntry(alice, { kind: 'rule', status: 'draft', title: 'R', body: '', tags: [], groupId: b.id });
    expect(await playbook.removeGroup(bob, b.id)).toBe(false);
    expect(await playbook.removeGroup(alice, b.id)).toBe(true);
    expect((await playbook.getEntry(alice, entry.id))?.groupId).toBeNull();
    expect((await playbook.listGroups(alice)).map((g) => g.name)).toEqual(['A', 'Exit']);
  });

  it('keeps when a check-off was made while its answer stays, and stamps a changed one anew', async () => {
    const { tradeId } = await aTrade(alice);
    const r = await rule(alice);
    const w = await playbook.createEntry(alice, { kind: 'warning', status: 'active', title: 'W', body: '', tags: [], groupId: null });
    await playbook.replaceChecks(alice, tradeId, [{ entryId: r.id, followed: true }, { entryId: w.id, followed: true }]);
    clock = DAY + 1_000;
    await playbook.replaceChecks(alice, tradeId, [{ entryId: r.id, followed: true }, { entryId: w.id, followed: false }]);
    const checks = await playbook.checksOfTrade(alice, tradeId);
    expect(checks.map((c) => [c.entryId, c.followed, c.checkedAt]).sort()).toEqual([[r.id, true, DAY], [w.id, false, DAY + 1_000]].sort());
    expect(await playbook.checksOfTrade(bob, tradeId)).toEqual([]);
    expect(await playbook.ownsTrade(bob, tradeId)).toBe(false);
  });

  it("removes a trade's check-offs with the trade, and an entry's history with the entry", async () => {
    const first = await aTrade(alice);
    const second = await aTrade(alice);
    const r = await rule(alice);
    await playbook.replaceChecks(alice, first.tradeId, [{ entryId: r.id, followed: true }]);
    await playbook.replaceChecks(alice, second.tradeId, [{ entryId: r.id, followed: false }]);
    await playbook.createMissed(alice, { entryId: r.id, at: DAY, symbol: 'SPX', direction: 'long', note: '', estimatedPnlMicros: parseMicros('-125.5') });
    expect(await playbook.historyOf(alice, r.id)).toEqual({ checks: 2, missed: 1 });

    await fixture.db().deleteFrom('trades').where('id', '=', first.tradeId).execute();
    expect(await playbook.historyOf(alice, r.id)).toEqual({ checks: 1, missed: 1 });
    expect(await playbook.allChecks(alice)).toEqual([{ tradeId: second.tradeId, entryId: r.id, followed: false }]);

    expect(await playbook.removeEntry(bob, r.id)).toBe(false);
    expect(await playbook.removeEntry(alice, r.id)).toBe(true);
    expect(await playbook.allChecks(alice)).toEqual([]);
    expect(await playbook.listMissed(alice)).toEqual([]);
  });

  it("stores a missed trade's estimate exactly, and another user sees none of it", async () => {
    const r = await rule(alice);
    const missed = await playbook.createMissed(alice, { entryId: r.id, at: DAY, symbol: 'NDX', direction: null, note: 'froze', estimatedPnlMicros: parseMicros('1234.567891') });
    expect(await playbook.getMissed(alice, missed.id)).toEqual(missed);
    expect(missed.estimatedPnlMicros).toBe(1_234_567_891);
    expect(await playbook.getMissed(bob, missed.id)).toBeUndefined();
    expect(await playbook.updateMissed(bob, missed.id, { note: 'mine' })).toBeUndefined();
    expect(await playbook.removeMissed(bob, missed.id)).toBe(false);
    expect(await playbook.listMissed(bob)).toEqual([]);
    expect(await playbook.getEntries(bob, [r.id])).toEqual([]);
    expect((await playbook.updateMissed(alice, missed.id, { estimatedPnlMicros: null }))?.estimatedPnlMicros).toBeNull();
  });
});
