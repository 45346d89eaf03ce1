import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEvents } from '@marketswarm/shared/bus';
import type { PublicTruth } from '@marketswarm/shared/truth';
import { loadRepoTruth, registerAccount, runAdmin, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '@marketswarm/shared/testing';
import { openStream } from '../testing/sse-test-client.js';

describe('admin and models REST on a real gateway', () => {
  let redis: RedisTrio;
  let truth: PublicTruth;
  let gateway: ServiceProcess;
  let work: string;
  let trader: { cookie: string; userId: string };
  let admin: string;

  const get = (path: string, cookie: string) => fetch(`${gateway.url}${path}`, { headers: { cookie } });

  beforeAll(async () => {
    redis = await startRedisTrio();
    truth = (await loadRepoTruth(redis.system.client())).truth;
    work = await mkdtemp(path.join(tmpdir(), 'ms-admin-'));
    gateway = await startServiceProcess({ dir: 'services/sse', env: redis.env });
    trader = await registerAccount(gateway.url, 'trader@example.com');
    const added = await runAdmin(['user', 'add', 'ops@example.com', '--role', 'admin', '--password-stdin'], { ...redis.env, MS_RUN_DIR: work }, { input: 'operator password\n' });
    expect(added.code, added.stderr).toBe(0);
    const login = await fetch(`${gateway.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ops@example.com', password: 'operator password' }),
    });
    admin = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const route = truth.topics['spot']!;
    await publishEvents(redis.market.client(), route, [
      { topic: 'spot', type: 'tick', ts: Date.now(), data: { symbol: 'SPX', price: 5001 } },
      { topic: 'spot', type: 'tick', ts: Date.now(), data: { symbol: 'SPX', price: 5002.5 } },
      { topic: 'spot', type: 'tick', ts: Date.now(), data: { symbol: 'NDX', price: 20100 } },
    ]);
  });

  afterAll(async () => {
    await gateway?.stop();
    await redis?.stop();
    await rm(work, { recursive: true, force: true });
  });

  describe('/api/models', () => {
    it('serves the latest snapshot per symbol, and one symbol', async () => {
      const all = (await (await get('/api/models/spot', trader.cookie)).json()) as { items: { data: { symbol: string; price: number } }[] };
      expect(Object.fromEntries(all.items.map((i) => [i.data.symbol, i.data.price]))).toEqual({ SPX: 5002.5, NDX: 20100 });
      const one = await get('/api/models/spot/spx', trader.cookie);
      expect(await one.json()).toMatchObject({ model: 'spot', items: [{ data: { symbol: 'SPX', price: 5002.5 } }] });
    });

    it('answers 401 without a session, 404 for an unknown model or a symbol with no data, 400 for a bad symbol', async () => {
      expect((await fetch(`${gateway.url}/api/models/spot`)).status).toBe(401);
      expect(await (await get('/api/models/weather', trader.cookie)).json()).toMatchObject({ statusCode: 404, message: expect.stringContaining('no model "weather"') as string });
      expect((await get('/api/models/gex/SPX', trader.cookie)).status).toBe(404);
      const bad = await get('/api/models/spot/$$', trader.cookie);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ issues: [{ path: 'symbol' }] });
    });
  });

  describe('/api/admin', () => {
    it('refuses a trader with 403 naming the role', async () => {
      const res = await get('/api/admin/connections', trader.cookie);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ message: 'this route needs the admin role' });
    });

    it('shows stream counts and lag to an admin, without user ids or payloads', async () => {
      const stream = openStream(`${gateway.url}/sse/market`, trader.cookie);
      try {
        await stream.waitFor((e) => e.some((x) => x.event === 'ready'));
        const body = (await (await get('/api/admin/connections', admin)).json()) as { total: number; byRoute: Record<string, number>; connections: unknown[] };
        expect(body.total).toBe(1);
        expect(body.byRoute).toEqual({ market: 1 });
        expect(JSON.stringify(body)).not.toContain(trader.userId);
        expect(JSON.stringify(body)).not.toContain('5002.5');
      } finally {
        stream.close();
      }
    });

    it('lists heartbeats, the truth version and the accounts', async () => {
      const beats = (await (await get('/api/admin/heartbeats', admin)).json()) as { services: { id: string; state: string }[] };
      expect(beats.services.find((s) => s.id === 'sse')?.state).toBe('fresh');
      expect(beats.services.find((s) => s.id === 'journal')?.state).toBe('missing');
      expect(await (await get('/api/admin/truth', admin)).json()).toMatchObject({ version: expect.stringMatching(/^1\.0\.0\+/) as string });
      const users = (await (await get('/api/admin/users', admin)).json()) as { users: { email: string; role: string }[] };
      expect(users.users.map((u) => [u.email, u.role]).sort()).toEqual([['ops@example.com', 'admin'], ['trader@example.com', 'trader']]);
      expect(JSON.stringify(users)).not.toMatch(/argon2|passwordHash/);
    });
  });
});
