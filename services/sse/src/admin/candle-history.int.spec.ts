import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEvents } from '@marketswarm/shared/bus';
import type { CandleInterval } from '@marketswarm/shared/dto';
import type { PublicTruth } from '@marketswarm/shared/truth';
import { loadRepoTruth, registerAccount, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '@marketswarm/shared/testing';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 20, 14, 30);

describe('candle history REST on a real gateway', () => {
  let redis: RedisTrio;
  let truth: PublicTruth;
  let gateway: ServiceProcess;
  let trader: { cookie: string; userId: string };

  const get = (path: string, cookie = trader.cookie) => fetch(`${gateway.url}${path}`, { headers: { cookie } });
  const candle = (symbol: string, interval: CandleInterval, t: number, c: number, v?: number) => ({
    topic: 'candles' as const,
    type: 'candle',
    ts: t + 1,
    data: { symbol, interval, t, o: c - 1, h: c + 2, l: c - 2, c, ...(v === undefined ? {} : { v }) },
  });

  beforeAll(async () => {
    redis = await startRedisTrio();
    truth = (await loadRepoTruth(redis.system.client())).truth;
    gateway = await startServiceProcess({ dir: 'services/sse', env: redis.env });
    trader = await registerAccount(gateway.url, 'candles@example.com');
    const market = redis.market.client();
    const route = truth.topics['candles']!;
    // Oldest first: an SPX candle, then more than a page (2000) of other symbols' candles, so the
    // oldest SPX candle is only reached on the second XREVRANGE page.
    await publishEvents(market, route, [candle('SPX', '1m', T0, 5000, 10)]);
    await publishEvents(
      market,
      route,
      Array.from({ length: 2100 }, (_, i) => candle('RUT', '1m', T0 + i * MIN, 2000 + (i % 10))),
    );
    await publishEvents(market, route, [
      candle('SPX', '1m', T0 + MIN, 5001),
      candle('NDX', '1m', T0 + MIN, 20000),
      candle('SPX', '5m', T0, 5003),
    ]);
    await market.xadd(route.stream, '*', 'e', '{not json');
    await market.xadd(route.stream, '*', 'e', JSON.stringify(candle('SPX', '1m', T0 + 2 * MIN, -1)).replace('"interval":"1m"', '"interval":"2m"'));
    await publishEvents(market, route, [
      candle('SPX', '1m', T0 + MIN, 5002, 42), // the newer version of the T0 + 1m candle
      candle('SPX', '1m', T0 + 2 * MIN, 5004),
    ]);
  });

  afterAll(async () => {
    await gateway?.stop();
    await redis?.stop();
  });

  it('answers the newest version of each candle for the symbol and interval, ascending, across stream pages', async () => {
    const res = await get('/api/models/candles/spx/history');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      symbol: 'SPX',
      interval: '1m',
      candles: [
        { t: T0, o: 4999, h: 5002, l: 4998, c: 5000, v: 10 },
        { t: T0 + MIN, o: 5001, h: 5004, l: 5000, c: 5002, v: 42 },
        { t: T0 + 2 * MIN, o: 5003, h: 5006, l: 5002, c: 5004 },
      ],
    });
  });

  it('honours interval and limit (the newest candles)', async () => {
    expect(await (await get('/api/models/candles/SPX/history?interval=5m')).json()).toEqual({
      symbol: 'SPX',
      interval: '5m',
      candles: [{ t: T0, o: 5002, h: 5005, l: 5001, c: 5003 }],
    });
    const two = (await (await get('/api/models/candles/SPX/history?interval=1m&limit=2')).json()) as { candles: { t: number; c: number }[] };
    expect(two.candles.map((c) => [c.t, c.c])).toEqual([
      [T0 + MIN, 5002],
      [T0 + 2 * MIN, 5004],
    ]);
    const rut = (await (await get('/api/models/candles/RUT/history?limit=2000')).json()) as { candles: { t: number }[] };
    expect(rut.candles).toHaveLength(2000);
    expect(rut.candles.at(-1)?.t).toBe(T0 + 2099 * MIN);
    expect(await (await get('/api/models/candles/VIX/history')).json()).toEqual({ symbol: 'VIX', interval: '1m', candles: [] });
  });

  it('still serves the latest candle snapshot on the generic route', async () => {
    const body = (await (await get('/api/models/candles/SPX')).json()) as { items: { data: { interval: string; c: number } }[] };
    expect(Object.fromEntries(body.items.map((i) => [i.data.interval, i.data.c]))).toEqual({ '1m': 5004, '5m': 5003 });
  });

  it('answers 400 naming interval or limit, and 401 without a session', async () => {
    const badInterval = await get('/api/models/candles/SPX/history?interval=2m');
    expect(badInterval.status).toBe(400);
    expect(await badInterval.json()).toMatchObject({ statusCode: 400, issues: [{ path: 'interval' }] });
    for (const limit of ['0', '2001', 'many']) {
      const res = await get(`/api/models/candles/SPX/history?limit=${limit}`);
      expect(res.status, limit).toBe(400);
      expect(await res.json()).toMatchObject({ issues: [{ path: 'limit' }] });
    }
    expect((await get('/api/models/candles/$$/history')).status).toBe(400);
    expect((await fetch(`${gateway.url}/api/models/candles/SPX/history`)).status).toBe(401);
  });
});
