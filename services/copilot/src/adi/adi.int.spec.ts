import type { Server } from 'node:http';
import { Module, type DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEvents } from '@marketswarm/shared/bus';
import { ADI_JSON_SCHEMA_ID, ADI_SCHEMA_VERSION, adiSectionSnapshotSchema, adiSnapshotSchema, type AdiSnapshot } from '@marketswarm/shared/dto';
import { exchangeTime } from '@marketswarm/shared/journal';
import { NEW_YORK, zonedInstant } from '@marketswarm/shared/models';
import { createNestService, NestEdgeModule, ServiceContextModule, sessionCheckOptionsOf } from '@marketswarm/shared/nest';
import { bootService, type ServiceContext } from '@marketswarm/shared/service';
import { createSignedInAccount, loadRepoTruth, startRedisTrio, type RedisTrio, type SignedInAccount } from '@marketswarm/shared/testing';
import { copilotSettings, type TopicRoute } from '@marketswarm/shared/truth';
import { BookModule } from '../book/book.module.js';
import { openCallVertical, savedPutButterfly } from '../book/user-book.fixtures.js';
import { MarketModule } from '../market/market.module.js';
import { WsModule } from '../ws/ws.module.js';
import { adiCandles, adiGexPayload, adiHeatmapTiles } from './adi.fixtures.js';
import { AdiModule } from './adi.module.js';

@Module({})
class AdiTestRoot {
  /** The copilot's shared edge (session guard on every route) with what ADI reads: market, MEL (and its socket server), the users' books. */
  static register(ctx: ServiceContext): DynamicModule {
    return {
      module: AdiTestRoot,
      imports: [
        ServiceContextModule.forRoot(ctx),
        NestEdgeModule.forRoot({ session: sessionCheckOptionsOf(ctx, copilotSettings), openApi: { path: 'mel/openapi.json', info: { title: 'ADI spec', version: ctx.version } } }),
        WsModule,
        MarketModule,
        BookModule,
        AdiModule,
      ],
    };
  }
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

describe('ADI through the copilot', () => {
  let redis: RedisTrio;
  let ctx: ServiceContext;
  let app: NestExpressApplication<Server>;
  let url: string;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  // The market's "today" is the New York date now: the reader keeps only today's bars, and the book's legs expire today.
  const today = exchangeTime(Date.now(), NEW_YORK).date;
  const dayStart = zonedInstant(today, 0, 0) ?? 0;

  const get = async (who: SignedInAccount | null, path: string): Promise<Answer> => {
    const res = await fetch(`${url}${path}`, { headers: who ? { cookie: who.cookie } : {} });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const json = (answer: Answer): unknown => JSON.parse(answer.text);

  beforeAll(async () => {
    redis = await startRedisTrio();
    const system = redis.system.client();
    const { truth } = await loadRepoTruth(system, { patch: (t) => void Object.assign(t.components['copilot']!.settings, { melSymbol: 'SPX' }) });
    const route = (topic: string): TopicRoute => {
      const found = truth.topics[topic];
      if (!found) throw new Error(`truth routes no ${topic}`);
      return found;
    };
    const market = redis.market.client();
    const ts = Date.now();
    await publishEvents(market, route('spot'), [6001, 6006, 6003, 6004].map((price) => ({ topic: 'spot' as const, type: 'tick', ts, data: { symbol: 'SPX', price, prevClose: 5990 } })));
    await publishEvents(market, route('candles'), adiCandles().map((bar, i) => ({ topic: 'candles' as const, type: 'bar', ts, data: { symbol: 'SPX', interval: '1m' as const, ...bar, t: dayStart + i * 60_000 } })));
    await publishEvents(market, route('gex'), [{ topic: 'gex', type: 'snapshot', ts, data: adiGexPayload() }]);
    await publishEvents(market, route('heatmap'), [{ topic: 'heatmap', type: 'snapshot', ts, data: { symbol: 'SPX', version: 1, kind: 'snapshot', tiles: adiHeatmapTiles(today) } }]);
    await publishEvents(market, route('mode'), [{ topic: 'mode', type: 'update', ts, data: { symbol: 'SPX', mode: 'transition', score: 55 } }]);

    alice = await createSignedInAccount(system, 'alice@example.com');
    bob = await createSignedInAccount(system, 'bob@example.com');
    const legs = openCallVertical().legs.map((leg) => ({ ...leg, expiry: today }));
    await publishEvents(system, route('positions'), [{ topic: 'positions', type: 'snapshot', ts, user: alice.userId, data: { positions: [openCallVertical({ legs })] } }]);
    await publishEvents(system, route('risk-graph'), [{ topic: 'risk-graph', type: 'snapshot', ts, user: alice.userId, data: { positions: [savedPutButterfly()] } }]);

    ctx = await bootService({ id: 'copilot', version: '0.0.0', env: { ...redis.env, LOG_LEVEL: 'silent' }, handleSignals: false });
    app = await createNestService(ctx, AdiTestRoot.register(ctx));
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
    await ctx.shutdown('spec done');
    await redis.stop();
  });

  it('answers the whole picture as JSON that passes the contract, with the user\'s own book marked', async () => {
    const answer = await get(alice, '/api/adi/snapshot');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    const snapshot: AdiSnapshot = adiSnapshotSchema.parse(json(answer));
    expect(snapshot).toMatchObject({ schema: { id: 'marketswarm.adi', version: ADI_SCHEMA_VERSION }, symbol: 'SPX', dte: 0 });
    expect(snapshot.price).toMatchObject({ spot: 6004, prevClose: 5990, change: 14, dayOpen: 5992 });
    expect(snapshot.gamma).toMatchObject({ callWall: 6000, putWall: 5950, magnet: 6000 });
    expect(snapshot.volatility).toMatchObject({ atmIv: 0.21, atmStrike: 6000, mode: 'transition' });
    expect(snapshot.auction.poc).not.toBeNull();
    // 2 × 6000C − 2 × 6010C: $900 paid, worth 2 × (15.20 − 9.70) × 100 = $1,100 at the heatmap's mids.
    expect(snapshot.user.openPositions).toEqual([expect.objectContaining({ id: 'trade-1', cost: 900, value: 1100, pnl: 200 })]);
    expect(snapshot.user.savedPositions).toEqual([expect.objectContaining({ id: 'saved-1', name: 'Pin fly' })]);
  });

  it('never shows one user another\'s positions', async () => {
    const snapshot = adiSnapshotSchema.parse(json(await get(bob, '/api/adi/snapshot')));
    expect(snapshot.user).toEqual({ openPositions: [], savedPositions: [], openPnl: 0 });
    expect(snapshot.price.spot).toBe(6004);
  });

  it('downloads CSV as an attachment named for the symbol and time', async () => {
    const answer = await get(alice, '/api/adi/snapshot?format=csv&dte=1');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="adi-SPX-\d{8}-\d{4}\.csv"$/);
    const rows = parse<{ section: string; field: string; value: string }>(answer.text, { columns: true });
    expect(rows).toContainEqual({ section: 'meta', field: 'dte', value: '1' });
    expect(rows).toContainEqual({ section: 'user', field: 'openPositions.0.pnl', value: '200' });
  });

  it('answers the text a trader pastes into a chat, as plain text', async () => {
    const answer = await get(alice, '/api/adi/snapshot?format=text');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(answer.text).toMatch(/^ADI SPX, \d{4}-\d{2}-\d{2} \d{2}:\d{2} ET, 0DTE \(marketswarm\.adi v1\)\n/);
    expect(answer.text).toContain('\nGAMMA\nNet GEX +$1.10B per 1% move; zero gamma 5981.82 (spot above)\n');
    expect(answer.text).toContain('Open vertical SPX x2:');
  });

  it('answers one section with the header, in each format', async () => {
    const section = adiSectionSnapshotSchema.parse(json(await get(alice, '/api/adi/snapshot/gamma')));
    expect(Object.keys(section).sort()).toEqual(['dte', 'gamma', 'generatedAt', 'schema', 'symbol']);
    const csv = await get(alice, '/api/adi/snapshot/user?format=csv');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="adi-SPX-user-\d{8}-\d{4}\.csv"$/);
    expect(new Set(parse<{ section: string }>(csv.text, { columns: true }).map((row) => row.section))).toEqual(new Set(['meta', 'user']));
    const text = await get(alice, '/api/adi/snapshot/session?format=text');
    expect(text.text).toMatch(/\n\nSESSION\n/);
    expect(text.text).not.toContain('GAMMA');
  });

  it('serves the JSON schema of the snapshot with its id and version', async () => {
    const answer = await get(alice, '/api/adi/schema');
    expect(answer.status).toBe(200);
    expect(json(answer)).toMatchObject({ $id: ADI_JSON_SCHEMA_ID, 'x-schema-version': ADI_SCHEMA_VERSION, type: 'object' });
  });

  it('refuses an unknown format, naming the field', async () => {
    const answer = await get(alice, '/api/adi/snapshot?format=xml');
    expect(answer.status).toBe(400);
    expect(json(answer)).toMatchObject({ issues: [expect.objectContaining({ path: 'format', message: expect.stringContaining('json, csv, text') as string })] });
  });

  it('refuses an unknown section, naming it', async () => {
    const answer = await get(alice, '/api/adi/snapshot/weather');
    expect(answer.status).toBe(400);
    expect(json(answer)).toMatchObject({ issues: [expect.objectContaining({ path: 'section' })] });
  });

  it('refuses a DTE out of range', async () => {
    expect((await get(alice, '/api/adi/snapshot?dte=-1')).status).toBe(400);
  });

  it('answers 401 without a session, on every route', async () => {
    for (const path of ['/api/adi/snapshot', '/api/adi/snapshot?format=csv', '/api/adi/snapshot/price', '/api/adi/schema']) expect((await get(null, path)).status, path).toBe(401);
  });
});
