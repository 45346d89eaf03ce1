import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEvents } from '@marketswarm/shared/bus';
import { savedPositionSchema, tradeSchema, type CreateSavedPositionBody, type SavedPositionDto, type SavedPositionListDto, type TradeDto, type TradeLogDto, type TradePageDto } from '@marketswarm/shared/dto';
import { buildHeatmapTiles, heatmapSnapshot, makeTile, savedPositionFromTile, type ChainOption } from '@marketswarm/shared/models';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import { startJournalApp, type JournalApp } from '../testing/journal-app.js';

// Friday 19 March 2027 at the close, as the market producer stamps its expiries (21:00 UTC).
const EXPIRY = Date.UTC(2027, 2, 19, 21);
const EXPIRY_DATE = '2027-03-19';

/** The 4990/5000/5010 call fly, as the heatmap would offer it for 2.50. */
function flyTile() {
  const tile = makeTile('butterfly-call', 3, 10, 5000, 2.5, EXPIRY, 0.16);
  if (!tile) throw new Error('setup: no tile');
  return tile;
}

function flyBody(quantity = 2): CreateSavedPositionBody {
  const body = savedPositionFromTile('SPX', flyTile(), quantity);
  if (!body) throw new Error('setup: no body');
  return body;
}

const putSpread = (symbol = 'NDX'): CreateSavedPositionBody => ({
  name: `${symbol} put credit spread`,
  symbol,
  legs: [
    { expiry: EXPIRY_DATE, strike: 20_000, right: 'put', ratio: -1 },
    { expiry: EXPIRY_DATE, strike: 19_950, right: 'put', ratio: 1 },
  ],
  quantity: 1,
  entryPrice: -12.4,
});

/**
 * Saved what-if positions in the real journal on SQLite: the CRUD routes, the `risk-graph` snapshot
 * every change writes to system Redis, and logging one as a trade through manual entry — at the
 * prices sent, or at the live mids the market producer's heatmap holds in market Redis.
 */
describe('saved positions: /api/journal/positions', () => {
  let journal: JournalApp;
  let alice: SignedInAccount;
  let bob: SignedInAccount;

  const create = async (who: SignedInAccount, body: CreateSavedPositionBody) => {
    const res = await journal.call<SavedPositionDto>(who, 'POST', '/api/journal/positions', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const list = async (who: SignedInAccount) => (await journal.call<SavedPositionListDto>(who, 'GET', '/api/journal/positions')).body.positions;
  const defaultLog = async (who: SignedInAccount) => (await journal.call<{ logs: TradeLogDto[] }>(who, 'GET', '/api/logs')).body.logs.find((l) => l.isDefault)?.id ?? '';
  const paths = (body: Record<string, unknown>) => (body['issues'] as { path: string }[]).map((i) => i.path).sort();

  /** The user's list as the risk-graph snapshot keeps it for a tab that opens later. */
  const riskGraphOf = async (who: SignedInAccount): Promise<unknown[] | undefined> => {
    const key = journal.ctx.truth().doc.topics['risk-graph']?.snapshot ?? '';
    const raw = await journal.system.hget(key, who.userId);
    if (raw === null) return undefined;
    const event = JSON.parse(raw) as { topic: string; user: string; data: { positions: unknown[] } };
    expect(event).toMatchObject({ topic: 'risk-graph', user: who.userId });
    return event.data.positions;
  };

  beforeAll(async () => {
    journal = await startJournalApp();
    alice = await journal.account('alice@example.com');
    bob = await journal.account('bob@example.com');
  });
  afterAll(async () => {
    await journal?.stop();
  });

  describe('CRUD', () => {
    it('saves a heatmap tile as a what-if, reads it back, edits it and deletes it', async () => {
      const tile = flyTile();
      const created = await create(alice, flyBody(2));
      expect(savedPositionSchema.parse(created)).toEqual(created);
      expect(created).toMatchObject({
        name: `SPX 4990/5000/5010 butterfly-call ${EXPIRY_DATE}`,
        symbol: 'SPX',
        legs: [
          { expiry: EXPIRY_DATE, strike: 4990, right: 'call', ratio: 1 },
          { expiry: EXPIRY_DATE, strike: 5000, right: 'call', ratio: -2 },
          { expiry: EXPIRY_DATE, strike: 5010, right: 'call', ratio: 1 },
        ],
        quantity: 2,
        entryPrice: 2.5,
        source: { kind: 'tile', key: tile.key },
      });
      const read = await journal.call<SavedPositionDto>(alice, 'GET', `/api/journal/positions/${created.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created);
      expect(await list(alice)).toContainEqual(created);

      const renamed = await journal.call<SavedPositionDto>(alice, 'PATCH', `/api/journal/positions/${created.id}`, { name: 'FOMC fly', quantity: 3, entryPrice: 2.35 });
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'FOMC fly', quantity: 3, entryPrice: 2.35, source: { kind: 'tile', key: tile.key }, legs: created.legs });
      // Other legs are another position than the tile's: it no longer claims the tile.
      const relegged = await journal.call<SavedPositionDto>(alice, 'PATCH', `/api/journal/positions/${created.id}`, { legs: [{ expiry: EXPIRY_DATE, strike: 5000, right: 'call', ratio: 1 }] });
      expect(relegged.status).toBe(200);
      expect(relegged.body.legs).toEqual([{ expiry: EXPIRY_DATE, strike: 5000, right: 'call', ratio: 1 }]);
      expect(relegged.body).not.toHaveProperty('source');

      const removed = await journal.call(alice, 'DELETE', `/api/journal/positions/${created.id}`);
      expect(removed.status).toBe(204);
      expect((await journal.call(alice, 'GET', `/api/journal/positions/${created.id}`)).status).toBe(404);
      expect((await list(alice)).map((p) => p.id)).not.toContain(created.id);
    });

    it('keeps a credit as a negative entry price and lists positions oldest first', async () => {
      const first = await create(bob, putSpread());
      const second = await create(bob, flyBody(1));
      expect(first.entryPrice).toBe(-12.4);
      expect((await list(bob)).map((p) => p.id)).toEqual([first.id, second.id]);
      for (const p of [first, second]) await journal.call(bob, 'DELETE', `/api/journal/positions/${p.id}`);
    });

    it('names the field of every bad create body', async () => {
      const bad = await journal.call(alice, 'POST', '/api/journal/positions', {
        ...flyBody(),
        name: ' ',
        symbol: 'S P X',
        quantity: 0,
        entryPrice: 1.0000001,
        legs: [
          { expiry: '2027-02-30', strike: 5000, right: 'call', ratio: 1 },
          { expiry: EXPIRY_DATE, strike: -5, right: 'C', ratio: 0 },
        ],
      });
      expect(bad.status).toBe(400);
      expect(paths(bad.body)).toEqual(['entryPrice', 'legs.0.expiry', 'legs.1.ratio', 'legs.1.right', 'legs.1.strike', 'name', 'quantity', 'symbol']);

      const repeated = await journal.call(alice, 'POST', '/api/journal/positions', { ...flyBody(), legs: [...flyBody().legs, flyBody().legs[0]] });
      expect(repeated.status).toBe(400);
      expect(paths(repeated.body)).toEqual(['legs.3']);
      const none = await journal.call(alice, 'POST', '/api/journal/positions', { ...flyBody(), legs: [] });
      expect(paths(none.body)).toEqual(['legs']);
      const extra = await journal.call(alice, 'POST', '/api/journal/positions', { ...flyBody(), colour: 'red' });
      expect(extra.status).toBe(400);
    });

    it('names the field of a bad edit, an empty edit and a bad id', async () => {
      const mine = await create(alice, flyBody());
      const fractional = await journal.call(alice, 'PATCH', `/api/journal/positions/${mine.id}`, { quantity: 1.5 });
      expect(fractional.status).toBe(400);
      expect(paths(fractional.body)).toEqual(['quantity']);
      const empty = await journal.call(alice, 'PATCH', `/api/journal/positions/${mine.id}`, {});
      expect(empty.status).toBe(400);
      const badId = await journal.call(alice, 'GET', '/api/journal/positions/not-an-id');
      expect(badId.status).toBe(400);
      expect(paths(badId.body)).toEqual(['id']);
      await journal.call(alice, 'DELETE', `/api/journal/positions/${mine.id}`);
    });

    it('forgets the alerts set on a position when it is deleted, and leaves the others', async () => {
      const kept = await create(alice, flyBody());
      const gone = await create(alice, flyBody());
      const alert = async (positionId: string) => {
        const res = await journal.call<{ id: string }>(alice, 'POST', '/api/alerts', { kind: 'spread-debit', positionId, target: 1.5, direction: 'below' });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res.body.id;
      };
      const keptAlert = await alert(kept.id);
      await alert(gone.id);
      expect((await journal.call(alice, 'DELETE', `/api/journal/positions/${gone.id}`)).status).toBe(204);
      const alerts = (await journal.call<{ alerts: { id: string; positionId: string | null }[] }>(alice, 'GET', '/api/alerts')).body.alerts;
      expect(alerts.filter((a) => a.positionId === gone.id)).toEqual([]);
      expect(alerts.map((a) => a.id)).toContain(keptAlert);
      await journal.call(alice, 'DELETE', `/api/journal/positions/${kept.id}`);
    });

    it("answers another user's position with 404 on every route, and leaves it as it was", async () => {
      const mine = await create(alice, flyBody());
      const attempts: [string, string, unknown?][] = [
        ['GET', `/api/journal/positions/${mine.id}`],
        ['PATCH', `/api/journal/positions/${mine.id}`, { name: 'taken' }],
        ['DELETE', `/api/journal/positions/${mine.id}`],
        ['POST', `/api/journal/positions/${mine.id}/log`, { prices: [14.2, 8.05, 3.9] }],
      ];
      for (const [method, route, body] of attempts) {
        const res = await journal.call(bob, method, route, body);
        expect(res.status, `${method} ${route}`).toBe(404);
        expect(res.body).toMatchObject({ issues: [{ path: 'id' }] });
      }
      expect((await journal.call(alice, 'GET', `/api/journal/positions/${mine.id}`)).body).toEqual(mine);
      expect((await journal.call<TradePageDto>(bob, 'GET', `/api/logs/${await defaultLog(bob)}/trades`)).body.trades).toEqual([]);
      await journal.call(alice, 'DELETE', `/api/journal/positions/${mine.id}`);
    });
  });

  describe('the risk-graph snapshot', () => {
    it("holds exactly the user's whole list after every create, edit and delete, and nothing of another user's", async () => {
      const carol = await journal.account('carol@example.com');
      const dave = await journal.account('dave@example.com');
      const fly = await create(carol, flyBody());
      expect(await riskGraphOf(carol)).toEqual([fly]);
      const spread = await create(carol, putSpread());
      const theirs = await create(dave, putSpread('RUT'));
      expect(await riskGraphOf(carol)).toEqual([fly, spread]);
      expect(await riskGraphOf(dave)).toEqual([theirs]);

      const edited = (await journal.call<SavedPositionDto>(carol, 'PATCH', `/api/journal/positions/${fly.id}`, { quantity: 4 })).body;
      expect(await riskGraphOf(carol)).toEqual([edited, spread]);
      expect(await riskGraphOf(carol)).toEqual(await list(carol));

      await journal.call(carol, 'DELETE', `/api/journal/positions/${spread.id}`);
      expect(await riskGraphOf(carol)).toEqual([edited]);
      await journal.call(carol, 'DELETE', `/api/journal/positions/${fly.id}`);
      // An empty list, not a missing one: a tab opened now shows no what-ifs rather than stale ones.
      expect(await riskGraphOf(carol)).toEqual([]);
      expect(await riskGraphOf(dave)).toEqual([theirs]);
    });

    it('ends with the whole list after many creates at once: an older list is never published last', async () => {
      const grace = await journal.account('grace@example.com');
      const created = await Promise.all(Array.from({ length: 8 }, (_, i) => create(grace, { ...putSpread(), name: `Spread ${i}` })));
      const snapshot = await riskGraphOf(grace);
      expect(snapshot).toHaveLength(8);
      expect(snapshot).toEqual(await list(grace));
      expect(new Set((snapshot as SavedPositionDto[]).map((p) => p.id))).toEqual(new Set(created.map((p) => p.id)));
    });

    it('leaves the snapshot alone when a change is refused', async () => {
      const erin = await journal.account('erin@example.com');
      const fly = await create(erin, flyBody());
      await journal.call(erin, 'PATCH', `/api/journal/positions/${fly.id}`, { quantity: -1 });
      await journal.call(bob, 'DELETE', `/api/journal/positions/${fly.id}`);
      expect(await riskGraphOf(erin)).toEqual([fly]);
    });
  });

  describe('POST /api/journal/positions/:id/log', () => {
    /** Trade legs as the leg-by-leg comparison needs them. */
    const legsOf = (trade: TradeDto) => trade.legs.map((l) => ({ strike: l.strike, right: l.right, side: l.side, quantity: l.quantity, openPrice: l.openPrice, expiry: l.expiry }));

    it('logs the what-if as a trade in the default log at the prices sent, visible with the trades entered by hand', async () => {
      const frank = await journal.account('frank@example.com');
      const fly = await create(frank, flyBody(2));
      const at = Date.UTC(2027, 2, 1, 15);
      const logged = await journal.call<TradeDto>(frank, 'POST', `/api/journal/positions/${fly.id}/log`, { prices: [14.2, 8.05, 3.9], at, commission: 0.65 });
      expect(logged.status, JSON.stringify(logged.body)).toBe(201);
      expect(tradeSchema.parse(logged.body)).toEqual(logged.body);
      const log = await defaultLog(frank);
      // Long 2 × 4990C, short 4 × 5000C, long 2 × 5010C: the fly bought twice at 14.20 − 2 × 8.05 + 3.90 = 2.00.
      expect(logged.body).toMatchObject({ logId: log, symbol: 'SPX', status: 'open', quantity: 2, openedAt: at });
      expect(legsOf(logged.body)).toEqual([
        { strike: 4990, right: 'C', side: 'buy', quantity: 2, openPrice: 14.2, expiry: EXPIRY_DATE },
        { strike: 5000, right: 'C', side: 'sell', quantity: 4, openPrice: 8.05, expiry: EXPIRY_DATE },
        { strike: 5010, right: 'C', side: 'buy', quantity: 2, openPrice: 3.9, expiry: EXPIRY_DATE },
      ]);
      // 0.65 a contract on 2 + 4 + 2 contracts.
      expect(logged.body.fees).toBeCloseTo(5.2, 10);

      const trades = (await journal.call<TradePageDto>(frank, 'GET', `/api/logs/${log}/trades`)).body.trades;
      expect(trades.map((t) => t.id)).toEqual([logged.body.id]);
      expect(legsOf(trades[0] as TradeDto)).toEqual(legsOf(logged.body));
      // The what-if stays saved: the same idea can be taken again.
      expect((await list(frank)).map((p) => p.id)).toEqual([fly.id]);
    });

    it('logs into the log named by logId, and names logId when it is not one of the user\'s logs', async () => {
      const gina = await journal.account('gina@example.com');
      const spread = await create(gina, putSpread());
      const other = (await journal.call<TradeLogDto>(gina, 'POST', '/api/logs', { name: 'Ideas' })).body.id;
      const logged = await journal.call<TradeDto>(gina, 'POST', `/api/journal/positions/${spread.id}/log`, { logId: other, prices: [41.3, 28.9] });
      expect(logged.status, JSON.stringify(logged.body)).toBe(201);
      expect(logged.body).toMatchObject({ logId: other, symbol: 'NDX' });
      expect(legsOf(logged.body).map(({ strike, side }) => ({ strike, side }))).toEqual(
        expect.arrayContaining([
          { strike: 20_000, side: 'sell' },
          { strike: 19_950, side: 'buy' },
        ]),
      );
      expect((await journal.call<TradePageDto>(gina, 'GET', `/api/logs/${other}/trades`)).body.trades.map((t) => t.id)).toEqual([logged.body.id]);

      const intoBobs = await journal.call(gina, 'POST', `/api/journal/positions/${spread.id}/log`, { logId: await defaultLog(bob), prices: [41.3, 28.9] });
      expect(intoBobs.status).toBe(404);
      expect(paths(intoBobs.body)).toEqual(['logId']);
    });

    it('names prices when they are not one per leg, or not a price', async () => {
      const fly = await create(alice, flyBody());
      const short = await journal.call(alice, 'POST', `/api/journal/positions/${fly.id}/log`, { prices: [14.2, 8.05] });
      expect(short.status).toBe(400);
      expect(paths(short.body)).toEqual(['prices']);
      const negative = await journal.call(alice, 'POST', `/api/journal/positions/${fly.id}/log`, { prices: [14.2, -8.05, 3.9], at: 'yesterday' });
      expect(negative.status).toBe(400);
      expect(paths(negative.body)).toEqual(['at', 'prices.1']);
      await journal.call(alice, 'DELETE', `/api/journal/positions/${fly.id}`);
    });

    it('answers 422 naming prices when the market has no live mid for the legs, and logs nothing', async () => {
      const hank = await journal.account('hank@example.com');
      // No heatmap of NDX in market Redis.
      const spread = await create(hank, putSpread('NDX'));
      const res = await journal.call(hank, 'POST', `/api/journal/positions/${spread.id}/log`, {});
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body).toMatchObject({ issues: [{ path: 'prices', message: expect.stringContaining('send 2 prices') as string }] });
      expect((await journal.call<TradePageDto>(hank, 'GET', `/api/logs/${await defaultLog(hank)}/trades`)).body.trades).toEqual([]);
    });

    describe('with the market producer\'s heatmap in market Redis', () => {
      // The SPX chain at the fly's strikes, as the producer prices it; the heatmap's single-option
      // tiles carry each option's mid (rounded to cents).
      const mids = { 4990: 14.23, 5000: 8.04, 5010: 3.91 } as const;

      beforeAll(async () => {
        const now = Date.UTC(2027, 2, 16, 15);
        const chain: ChainOption[] = Object.entries(mids).flatMap(([strike, mid]) => [
          { strike: Number(strike), expiry: EXPIRY, type: 'call', mid, gamma: 0.001, openInterest: 1000, iv: 0.16 },
          { strike: Number(strike), expiry: EXPIRY, type: 'put', mid: mid + 1, gamma: 0.001, openInterest: 1000, iv: 0.17 },
        ]);
        const tiles = buildHeatmapTiles(chain, { now, widths: [10] });
        const route = journal.ctx.truth().doc.topics['heatmap'];
        if (!route) throw new Error('setup: truth routes no heatmap');
        await publishEvents(journal.ctx.bus.get('market'), route, [{ topic: 'heatmap', type: 'snapshot', ts: now, data: { ...heatmapSnapshot('SPX', 1, tiles), seq: 1 } }]);
      });

      it('logs at each leg\'s live mid when no prices are sent', async () => {
        const ivy = await journal.account('ivy@example.com');
        const fly = await create(ivy, flyBody(1));
        const logged = await journal.call<TradeDto>(ivy, 'POST', `/api/journal/positions/${fly.id}/log`, {});
        expect(logged.status, JSON.stringify(logged.body)).toBe(201);
        expect(legsOf(logged.body).map(({ strike, openPrice, quantity }) => ({ strike, openPrice, quantity }))).toEqual([
          { strike: 4990, openPrice: 14.23, quantity: 1 },
          { strike: 5000, openPrice: 8.04, quantity: 2 },
          { strike: 5010, openPrice: 3.91, quantity: 1 },
        ]);
        const trades = (await journal.call<TradePageDto>(ivy, 'GET', `/api/logs/${await defaultLog(ivy)}/trades`)).body.trades;
        expect(trades.map((t) => t.id)).toEqual([logged.body.id]);
      });

      it('reads an SPXW position from the SPX heatmap, and still answers 422 for a strike the chain does not list', async () => {
        const jack = await journal.account('jack@example.com');
        const weekly = await create(jack, { ...flyBody(1), symbol: 'SPXW' });
        expect((await journal.call(jack, 'POST', `/api/journal/positions/${weekly.id}/log`, {})).status).toBe(201);
        const offChain = await create(jack, { ...flyBody(1), legs: [{ expiry: EXPIRY_DATE, strike: 5100, right: 'call', ratio: 1 }] });
        const res = await journal.call(jack, 'POST', `/api/journal/positions/${offChain.id}/log`, {});
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ issues: [{ path: 'prices', message: expect.stringContaining('leg 1') as string }] });
      });
    });
  });
});
