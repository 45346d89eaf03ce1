import type { Server } from 'node:http';
import { Module, type DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { publishEvents } from '@marketswarm/shared/bus';
import { melHistorySchema, melModelScoreSchema, melServerMessageSchema, melSnapshotSchema, melStateSummarySchema, type MelServerMessage, type MelSnapshot } from '@marketswarm/shared/dto';
import { createNestService, NestEdgeModule, ServiceContextModule, sessionCheckOptionsOf } from '@marketswarm/shared/nest';
import { bootService, type ServiceContext } from '@marketswarm/shared/service';
import { createSignedInAccount, loadRepoTruth, startRedisTrio, type RedisTrio, type SignedInAccount } from '@marketswarm/shared/testing';
import { copilotSettings, type TopicRoute } from '@marketswarm/shared/truth';
import { MarketModule } from '../market/market.module.js';
import { WsModule } from '../ws/ws.module.js';
import { MelModule } from './mel.module.js';

@Module({})
class MelTestRoot {
  /** The copilot's shared edge (session guard on every route) with the market reader, the WebSocket server and MEL. */
  static register(ctx: ServiceContext): DynamicModule {
    return {
      module: MelTestRoot,
      imports: [
        ServiceContextModule.forRoot(ctx),
        NestEdgeModule.forRoot({ session: sessionCheckOptionsOf(ctx, copilotSettings), openApi: { path: 'mel/openapi.json', info: { title: 'MEL spec', version: ctx.version } } }),
        WsModule,
        MarketModule,
        MelModule,
      ],
    };
  }
}

/** A socket's messages as they arrive, and a wait for the next one that matches. */
class MelSocket {
  readonly messages: MelServerMessage[] = [];
  private waiters: { match: (m: MelServerMessage) => boolean; resolve: (m: MelServerMessage) => void; from: number }[] = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (raw: Buffer) => {
      const message = melServerMessageSchema.parse(JSON.parse(raw.toString()));
      this.messages.push(message);
      this.waiters = this.waiters.filter((w) => !(w.match(message) && (w.resolve(message), true)));
    });
  }

  /** The first message from index `from` on that matches, waiting for it if it has not come yet. */
  next(match: (m: MelServerMessage) => boolean, from = 0): Promise<MelServerMessage> {
    const seen = this.messages.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve, from }));
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }
}

const dataOf = (m: MelServerMessage): MelSnapshot => {
  if (m.type === 'error') throw new Error(`an error message: ${m.message}`);
  return m.data;
};

describe('MEL through the copilot', () => {
  let redis: RedisTrio;
  let ctx: ServiceContext;
  let app: NestExpressApplication<Server>;
  let url: string;
  let trader: SignedInAccount;
  const sockets: WebSocket[] = [];
  const now = Date.now();

  beforeAll(async () => {
    redis = await startRedisTrio();
    const system = redis.system.client();
    const { truth } = await loadRepoTruth(system, { patch: (t) => void Object.assign(t.components['copilot']!.settings, { melIntervalMs: 500, melSymbol: 'SPX' }) });
    const route = (topic: string): TopicRoute => truth.topics[topic] ?? (() => { throw new Error(`truth routes no ${topic}`); })();
    const market = redis.market.client();
    // A quarter hour of spot rotating around 6000 between the 5950 put wall and 6050 call wall.
    await publishEvents(
      market,
      route('spot'),
      Array.from({ length: 16 }, (_, i) => ({ topic: 'spot' as const, type: 'tick', ts: now - (15 - i) * 60_000, data: { symbol: 'SPX', price: i % 2 === 0 ? 5998 : 6002 } })),
    );
    await publishEvents(market, route('gex'), [
      { topic: 'gex', type: 'model', ts: now, data: { symbol: 'SPX', strikes: [{ strike: 5950, call: 1, put: -41 }, { strike: 6000, call: 110, put: -10 }, { strike: 6050, call: 60, put: 0 }], callWall: 6050, putWall: 5950 } },
    ]);
    // 0-DTE tiles around spot; one far 1-DTE tile, so the two DTEs score their liquidity differently.
    const tile = (strike: number, dte: number) => ({ key: `butterfly-call:${dte}:10:${strike}`, strategy: 'butterfly-call' as const, dte, width: 10, strike, debit: 3, maxProfit: 7, maxLoss: 3, rewardRisk: 2.3333, expiry: now + (dte * 24 + 3) * 3_600_000, iv: 0.15 });
    const tiles = Object.fromEntries([...[5990, 5995, 6000, 6005, 6010].map((k) => tile(k, 0)), tile(6400, 1)].map((t) => [t.key, t]));
    await publishEvents(market, route('heatmap'), [{ topic: 'heatmap', type: 'snapshot', ts: now, data: { symbol: 'SPX', version: 1, kind: 'snapshot', tiles } }]);
    await publishEvents(market, route('mode'), [{ topic: 'mode', type: 'model', ts: now, data: { symbol: 'SPX', mode: 'compression', score: 25 } }]);
    await publishEvents(
      market,
      route('candles'),
      Array.from({ length: 10 }, (_, i) => {
        const t = Math.floor(now / 60_000) * 60_000 - (10 - i) * 60_000;
        const c = i % 2 === 0 ? 5999 : 6001;
        return { topic: 'candles' as const, type: 'bar', ts: t + 59_000, data: { symbol: 'SPX', interval: '1m' as const, t, o: c, h: c + 1, l: c - 1, c, v: 100 } };
      }),
    );

    ctx = await bootService({ id: 'copilot', version: '0.0.0', env: { ...redis.env, LOG_LEVEL: 'silent' }, handleSignals: false });
    app = await createNestService(ctx, MelTestRoot.register(ctx));
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    trader = await createSignedInAccount(system, 'mel-trader@example.com');
  });

  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await ctx.shutdown('spec done');
    await redis.stop();
  });

  const get = async (path: string, who: SignedInAccount | null = trader) => {
    const res = await fetch(`${url}${path}`, { headers: who ? { cookie: who.cookie } : {} });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  describe('REST', () => {
    it('serves the 0-DTE snapshot scored from what market Redis holds', async () => {
      const { status, body } = await get('/api/mel/snapshot?dte=0');
      expect(status).toBe(200);
      const snapshot = melSnapshotSchema.parse(body);
      expect(snapshot).toMatchObject({ symbol: 'SPX', dte: 0, spot: 6002 });
      // Sixteen prints, all inside the walls: the gamma model stands on data and holds its levels.
      expect(snapshot.models.gamma.components['levelRespect']).toBe(100);
      expect(snapshot.models.gamma.confidence).toBeGreaterThan(0);
      expect(Object.keys(snapshot.models.volumeProfile.components)).toContain('acceptance');
      // Five 0-DTE tiles within ±1 % of 6002: coverage 100 × 5/20.
      expect(snapshot.models.liquidity.components['coverage']).toBe(25);
    });

    it('serves one model of a DTE, and refuses an unknown model naming the parameter', async () => {
      const gamma = await get('/api/mel/models/gamma?dte=0');
      expect(gamma.status).toBe(200);
      expect(melModelScoreSchema.parse(gamma.body).model).toBe('gamma');
      const liquidity1 = melModelScoreSchema.parse((await get('/api/mel/models/liquidity?dte=1')).body);
      // The 1-DTE tile is 400 points away: no coverage around spot.
      expect(liquidity1.components['coverage']).toBe(0);
      const unknown = await get('/api/mel/models/astrology');
      expect(unknown.status).toBe(400);
      expect(unknown.body['issues']).toEqual([expect.objectContaining({ path: 'model' })]);
    });

    it('answers 400 naming dte for a negative DTE', async () => {
      const { status, body } = await get('/api/mel/snapshot?dte=-1');
      expect(status).toBe(400);
      expect(body['issues']).toEqual([{ path: 'dte', message: 'must be 0 or more' }]);
      expect((await get('/api/mel/history?dte=-1')).status).toBe(400);
      expect((await get('/api/mel/state?dte=x')).body['issues']).toEqual([expect.objectContaining({ path: 'dte' })]);
    });

    it('answers 401 without a session on every MEL route', async () => {
      for (const path of ['/api/mel/snapshot', '/api/mel/models/gamma', '/api/mel/history', '/api/mel/state']) {
        const { status, body } = await get(path, null);
        expect(status, path).toBe(401);
        expect(body, path).toMatchObject({ code: 'unauthorized' });
      }
    });

    it('serves the history oldest first and the short state the header shows', async () => {
      const state = melStateSummarySchema.parse((await get('/api/mel/state?dte=0')).body);
      expect(state.dte).toBe(0);
      expect(Object.keys(state.models).sort()).toEqual(['gamma', 'liquidity', 'session', 'volatility', 'volumeProfile']);
      // The 500 ms cycle adds a snapshot; wait until two are kept.
      let history = melHistorySchema.parse((await get('/api/mel/history?dte=0&limit=2')).body);
      while (history.snapshots.length < 2) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        history = melHistorySchema.parse((await get('/api/mel/history?dte=0&limit=2')).body);
      }
      expect(history.snapshots).toHaveLength(2);
      const [older, newer] = history.snapshots as [MelSnapshot, MelSnapshot];
      expect(older.ts).toBeLessThanOrEqual(newer.ts);
      expect((await get('/api/mel/history?dte=0&limit=0')).body['issues']).toEqual([expect.objectContaining({ path: 'limit' })]);
    });
  });

  describe('/ws/mel', () => {
    const open = (query: string, who: SignedInAccount = trader) =>
      new Promise<MelSocket>((resolve, reject) => {
        const socket = new WebSocket(`${url.replace('http', 'ws')}/ws/mel${query}`, { headers: { cookie: who.cookie } });
        sockets.push(socket);
        // Listening from the start: the snapshot may arrive with the open.
        const client = new MelSocket(socket);
        socket.once('open', () => resolve(client));
        socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
        socket.once('error', reject);
      });

    it('sends each socket the snapshot of its own DTE on connect, then updates of that DTE only', async () => {
      const [zero, one] = await Promise.all([open('?dte=0'), open('?dte=1')]);
      const first0 = await zero.next((m) => m.type === 'snapshot');
      const first1 = await one.next((m) => m.type === 'snapshot');
      expect(dataOf(first0).dte).toBe(0);
      expect(dataOf(first1).dte).toBe(1);
      expect(dataOf(first0).models.liquidity.components['coverage']).toBe(25);
      expect(dataOf(first1).models.liquidity.components['coverage']).toBe(0);
      // The next cycle computes both DTEs (each is watched) and each socket hears its own.
      expect(dataOf(await zero.next((m) => m.type === 'update')).dte).toBe(0);
      expect(dataOf(await one.next((m) => m.type === 'update')).dte).toBe(1);
      expect(zero.messages.every((m) => dataOf(m).dte === 0)).toBe(true);
      expect(one.messages.every((m) => dataOf(m).dte === 1)).toBe(true);
    });

    it('switches only the socket that sends set-dte', async () => {
      const [a, b] = await Promise.all([open('?dte=0'), open('?dte=0')]);
      await Promise.all([a.next((m) => m.type === 'snapshot'), b.next((m) => m.type === 'snapshot')]);
      const mark = b.messages.length;
      b.send({ type: 'set-dte', dte: 2 });
      expect(dataOf(await b.next((m) => m.type === 'snapshot', mark)).dte).toBe(2);
      const afterSwitch = b.messages.length;
      expect(dataOf(await b.next((m) => m.type === 'update', afterSwitch)).dte).toBe(2);
      // A stayed on 0 DTE throughout.
      const aMark = a.messages.length;
      expect(dataOf(await a.next((m) => m.type === 'update', aMark)).dte).toBe(0);
      expect(a.messages.every((m) => dataOf(m).dte === 0)).toBe(true);
    });

    it('answers set-dte with a bad DTE with an error naming it, and keeps the socket', async () => {
      const c = await open('?dte=0');
      await c.next((m) => m.type === 'snapshot');
      const mark = c.messages.length;
      c.send({ type: 'set-dte', dte: -3 });
      const error = await c.next((m) => m.type === 'error', mark);
      expect(error).toMatchObject({ type: 'error', path: 'dte' });
      expect(c.socket.readyState).toBe(WebSocket.OPEN);
    });

    it('refuses ?dte=-1 with 400 before the upgrade', async () => {
      await expect(open('?dte=-1')).rejects.toThrow('refused with 400');
    });
  });
});
