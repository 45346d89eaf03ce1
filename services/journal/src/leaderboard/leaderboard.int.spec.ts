import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaderboardDto, TradeLogDto } from '@marketswarm/shared/dto';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import { startJournalApp, type JournalApp } from '../testing/journal-app.js';

type Json = Record<string, unknown>;

/**
 * `/api/leaderboard` in the real journal: opting in under a unique display name, and the board
 * built from each opted-in trader's closed trades by the journal's own analytics.
 */
describe('leaderboard', () => {
  let journal: JournalApp;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  let carol: SignedInAccount;
  let dave: SignedInAccount;

  const call = (who: SignedInAccount, method: string, path: string, body?: unknown) => journal.call<Json>(who, method, path, body);
  const board = async (who: SignedInAccount, window = 30) => (await journal.call<LeaderboardDto>(who, 'GET', `/api/leaderboard?window=${window}`)).body;

  /** Closed stock round trips of 10 shares, bought at 100: each `exit` is one trade (+100 at 110, −100 at 90). */
  const closeTrades = async (who: SignedInAccount, exits: readonly number[]) => {
    const log = (await journal.call<{ logs: TradeLogDto[] }>(who, 'GET', '/api/logs')).body.logs[0]?.id ?? '';
    const start = Date.now() - 5 * 86_400_000;
    const fills = exits.flatMap((exit, i) => [
      { executedAt: start + i * 3_600_000, instrument: { kind: 'stock', symbol: 'AAPL' }, side: 'buy', positionEffect: 'open', quantity: 10, price: 100 },
      { executedAt: start + i * 3_600_000 + 60_000, instrument: { kind: 'stock', symbol: 'AAPL' }, side: 'sell', positionEffect: 'close', quantity: 10, price: exit },
    ]);
    const answer = await call(who, 'POST', `/api/logs/${log}/trades`, { fills });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  };

  beforeAll(async () => {
    journal = await startJournalApp();
    [alice, bob, carol, dave] = await Promise.all(['alice', 'bob', 'carol', 'dave'].map((name) => journal.account(`${name}@example.com`))) as [SignedInAccount, SignedInAccount, SignedInAccount, SignedInAccount];
    // Alice: 6 wins of +100 and 4 losses of −100 in the window; Carol: 3 wins only; Dave: 10 wins but never opts in.
    await closeTrades(alice, [110, 110, 90, 110, 90, 110, 110, 90, 110, 90]);
    await closeTrades(carol, [110, 110, 110]);
    await closeTrades(dave, Array<number>(10).fill(110));
  });
  afterAll(async () => {
    await journal?.stop();
  });

  describe('GET and PUT /api/leaderboard/profile', () => {
    it('starts opted out without a name, and keeps the name and choice it is given', async () => {
      expect((await call(alice, 'GET', '/api/leaderboard/profile')).body).toEqual({ optIn: false, displayName: null });
      const put = await call(alice, 'PUT', '/api/leaderboard/profile', { optIn: true, displayName: '  Ace_Trader-1.0 ' });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(put.body).toEqual({ optIn: true, displayName: 'Ace_Trader-1.0' });
      expect((await call(alice, 'GET', '/api/leaderboard/profile')).body).toEqual({ optIn: true, displayName: 'Ace_Trader-1.0' });
    });

    it('refuses a display name another trader holds, in any case, with a 409 naming displayName', async () => {
      const taken = await call(bob, 'PUT', '/api/leaderboard/profile', { optIn: true, displayName: 'ace_trader-1.0' });
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ code: 'conflict', issues: [{ path: 'displayName' }] });
      // Alice keeps her own name when she changes only her choice.
      expect((await call(alice, 'PUT', '/api/leaderboard/profile', { optIn: true, displayName: 'Ace_Trader-1.0' })).status).toBe(200);
    });

    it('refuses a body naming each bad field', async () => {
      for (const [body, field] of [
        [{ optIn: true, displayName: 'ab' }, 'displayName'],
        [{ optIn: true, displayName: 'x'.repeat(33) }, 'displayName'],
        [{ optIn: true, displayName: 'alice@example.com' }, 'displayName'],
        [{ optIn: 'yes', displayName: 'Bobby' }, 'optIn'],
        [{ displayName: 'Bobby' }, 'optIn'],
      ] as const) {
        const answer = await call(bob, 'PUT', '/api/leaderboard/profile', body);
        expect(answer.status, JSON.stringify(answer.body)).toBe(400);
        expect((answer.body['issues'] as { path: string }[]).map((i) => i.path)).toContain(field);
      }
    });
  });

  describe('GET /api/leaderboard', () => {
    it('ranks opted-in traders with at least 10 closed trades by ratios only, flagging the caller\'s row', async () => {
      await call(carol, 'PUT', '/api/leaderboard/profile', { optIn: true, displayName: 'Carol' });
      await call(dave, 'PUT', '/api/leaderboard/profile', { optIn: false, displayName: 'Dave' });
      const seenByAlice = await board(alice);
      // Stock trades carry no defined risk: score = 100 × (0.4 × 0.6 + 0.35 × 1.5 / 3) / 0.75 = 55.33.
      expect(seenByAlice).toEqual({
        window: 30,
        minTrades: 10,
        rows: [{ rank: 1, displayName: 'Ace_Trader-1.0', score: 55.33, trades: 10, winRate: 0.6, profitFactor: 1.5, expectancyR: null, you: true }],
      });
      expect((await board(bob)).rows.map((r) => [r.displayName, r.you])).toEqual([['Ace_Trader-1.0', false]]);
      expect((await board(alice, 90)).rows).toHaveLength(1);
    });

    it('takes a trader off the board when they opt out', async () => {
      await call(alice, 'PUT', '/api/leaderboard/profile', { optIn: false, displayName: 'Ace_Trader-1.0' });
      expect((await board(bob)).rows).toEqual([]);
    });

    it('refuses a window other than 30 or 90, naming window', async () => {
      const answer = await call(alice, 'GET', '/api/leaderboard?window=7');
      expect(answer.status).toBe(400);
      expect((answer.body['issues'] as { path: string }[]).map((i) => i.path)).toContain('window');
    });
  });
});
