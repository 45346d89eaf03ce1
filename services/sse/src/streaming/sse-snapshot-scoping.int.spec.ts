import { describe, expect, it } from 'vitest';
import { registerAccount } from '@marketswarm/shared/testing';
import { seqs } from '../testing/sse-test-client.js';
import { useGatewayFixture } from '../testing/gateway-fixture.js';

// What a new connection gets first, who may see which user-scoped event, and streams ending with their session.
describe('SSE snapshots, user scoping and sessions through a real gateway process', () => {
  const f = useGatewayFixture();

  describe('snapshot on connect', () => {
    it('sends the latest spot per symbol to a new connection at once', async () => {
      await f.publish('spot', [{ symbol: 'RUT', price: 2100 }, { symbol: 'RUT', price: 2101.5 }, { symbol: 'VIX', price: 14.2 }]);
      const stream = f.open('/sse/market', f.alice.cookie);
      await stream.waitFor((e) => e.some((x) => x.event === 'ready'));
      const prices = Object.fromEntries(stream.received.filter((e) => e.event === 'spot').map((e) => [(e.data['data'] as { symbol: string }).symbol, (e.data['data'] as { price: number }).price]));
      expect(prices).toMatchObject({ RUT: 2101.5, VIX: 14.2 });
    });

    it('follows one symbol on a per-symbol model stream', async () => {
      const stream = f.open('/sse/gex/SPX', f.alice.cookie);
      await stream.waitFor((e) => e.some((x) => x.event === 'ready'));
      await f.publish('gex', [{ symbol: 'NDX', strikes: [{ strike: 20000, call: 1, put: -1 }], seq: 1 }, { symbol: 'SPX', strikes: [{ strike: 5000, call: 2, put: -3 }], seq: 2 }]);
      await stream.waitFor((e) => seqs(e, 'gex').includes(2));
      expect(seqs(stream.received, 'gex')).toEqual([2]);
    });
  });

  describe('user scoping', () => {
    it("never delivers one user's alerts, trades or risk graph to another, on any route", async () => {
      const aliceAll = f.open('/sse/all?topics=alerts,trades,risk-graph,positions', f.alice.cookie);
      const bobAll = f.open('/sse/all?topics=alerts,trades,risk-graph,positions', f.bob.cookie);
      const bobAlerts = f.open('/sse/alerts', f.bob.cookie);
      await Promise.all([aliceAll, bobAll, bobAlerts].map((s) => s.waitFor((e) => e.some((x) => x.event === 'ready'))));
      await f.publish('alerts', [{ id: 'x1', message: 'for alice', seq: 1 }], f.alice.userId);
      await f.publish('trades', [{ id: 't1', symbol: 'SPX', seq: 2 }], f.alice.userId);
      await f.publish('risk-graph', [{ positions: [{ id: 'p1' }], seq: 3 }], f.alice.userId);
      await f.publish('alerts', [{ id: 'x2', message: 'for bob', seq: 4 }], f.bob.userId);
      await aliceAll.waitFor((e) => seqs(e, 'risk-graph').includes(3));
      await bobAlerts.waitFor((e) => seqs(e, 'alerts').includes(4));
      await bobAll.waitFor((e) => seqs(e, 'alerts').includes(4));
      const payloads = JSON.stringify([...bobAll.received, ...bobAlerts.received]);
      expect(payloads).not.toContain('for alice');
      expect(payloads).not.toContain('"t1"');
      expect(payloads).not.toContain('"p1"');
      expect(JSON.stringify(aliceAll.received)).not.toContain('for bob');
      // A fresh connection's snapshot is scoped too.
      const bobLater = f.open('/sse/all?topics=alerts,risk-graph', f.bob.cookie);
      await bobLater.waitFor((e) => e.some((x) => x.event === 'ready'));
      expect(JSON.stringify(bobLater.received)).not.toContain('for alice');
      expect(JSON.stringify(bobLater.received)).toContain('for bob');
    });
  });

  describe('sessions', () => {
    it('closes the streams of a user who signs out, with the reason, and refuses them afterwards', async () => {
      const carol = await registerAccount(f.gateway.url, 'carol@example.com');
      const stream = f.open('/sse/alerts', carol.cookie);
      const other = f.open('/sse/alerts', f.alice.cookie);
      await Promise.all([stream, other].map((s) => s.waitFor((e) => e.some((x) => x.event === 'ready'))));
      const csrf = /ms_csrf=([^;]+)/.exec(carol.cookie)?.[1] ?? '';
      const out = await fetch(`${f.gateway.url}/api/auth/logout`, { method: 'POST', headers: { cookie: carol.cookie, 'x-csrf-token': csrf } });
      expect(out.status).toBe(204);
      await stream.waitFor((e) => e.some((x) => x.event === 'error'), 5000, 'the signed-out error event');
      expect(stream.received.find((e) => e.event === 'error')?.data).toMatchObject({ reason: 'signed-out' });
      expect((await fetch(`${f.gateway.url}/sse/alerts`, { headers: { cookie: carol.cookie } })).status).toBe(401);
      expect(other.received.some((e) => e.event === 'error')).toBe(false);
    });

    it('closes the streams of a session that expired', async () => {
      const dave = await registerAccount(f.gateway.url, 'dave@example.com');
      const stream = f.open('/sse/vexy', dave.cookie);
      await stream.waitFor((e) => e.some((x) => x.event === 'ready'));
      const sessionId = /ms_session=([^;]+)/.exec(dave.cookie)?.[1] ?? '';
      // Expiry is Redis removing the key: no sign-out message, so the periodic sweep must notice.
      expect(await f.clients['system'].del(`session:${sessionId}`)).toBe(1);
      await stream.waitFor((e) => e.some((x) => x.event === 'error'), 5000, 'the expired-session error event');
      expect(stream.received.find((e) => e.event === 'error')?.data).toMatchObject({ reason: 'signed-out' });
    });
  });

});
