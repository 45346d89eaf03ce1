import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { publishEvents } from '@marketswarm/shared/bus';
import type { TopicName } from '@marketswarm/shared/events';
import type { PublicTruth } from '@marketswarm/shared/truth';
import { loadRepoTruth, registerAccount, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '@marketswarm/shared/testing';
import { openRawStream, rawSeqs } from '../testing/raw-sse-client.js';
import { openStream, range, seqs, type TestStream } from '../testing/sse-test-client.js';

describe('SSE fan-out through a real gateway process', () => {
  let redis: RedisTrio;
  let truth: PublicTruth;
  let gateway: ServiceProcess;
  let alice: { cookie: string; userId: string };
  let bob: { cookie: string; userId: string };
  const streams: TestStream[] = [];
  const clients: Record<string, Redis> = {};

  const open = (path: string, cookie: string, options: { lastEventId?: string; base?: string } = {}) => {
    const stream = openStream(`${options.base ?? gateway.url}${path}`, cookie, options);
    streams.push(stream);
    return stream;
  };

  /** Appends events exactly as a producer does (validated, XADD + snapshot in one MULTI). */
  async function publish(topic: TopicName, payloads: Record<string, unknown>[], user?: string): Promise<void> {
    const route = truth.topics[topic]!;
    const now = Date.now();
    await publishEvents(clients[route.bus]!, route, payloads.map((data) => ({ topic, type: 'update', ts: now, data, ...(user ? { user } : {}) })));
  }
  const vexy = (from: number, to: number) => range(from, to).map((seq) => ({ text: `note ${seq}`, seq }));
  const spot = (from: number, to: number, symbol = 'SPX') => range(from, to).map((seq) => ({ symbol, price: 5000 + seq, seq }));

  beforeAll(async () => {
    redis = await startRedisTrio();
    truth = (
      await loadRepoTruth(redis.system.client(), {
        patch: (t) => {
          t.components['sse']!.settings = { ...t.components['sse']!.settings, keepaliveMs: 1000, retryMs: 300, recentCount: 5 };
          t.topics['alerts']!.maxlen = 100_000;
        },
      })
    ).truth;
    clients['system'] = redis.system.client();
    clients['market'] = redis.market.client();
    clients['intel'] = redis.intel.client();
    gateway = await startServiceProcess({ dir: 'services/sse', env: redis.env });
    alice = await registerAccount(gateway.url, 'alice@example.com');
    bob = await registerAccount(gateway.url, 'bob@example.com');
  });

  afterEach(() => {
    for (const s of streams.splice(0)) s.close();
  });

  afterAll(async () => {
    await gateway?.stop();
    await redis?.stop();
  });

  describe('framing', () => {
    it('refuses with 401 before streaming when there is no session', async () => {
      const res = await fetch(`${gateway.url}/sse/market`);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(await res.json()).toMatchObject({ statusCode: 401, message: 'sign in first' });
    });

    it('refuses with 404 before streaming for an unknown stream, and 400 for an unknown topic', async () => {
      const res = await fetch(`${gateway.url}/sse/weather`, { headers: { cookie: alice.cookie } });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ statusCode: 404, message: 'no stream at /sse/weather' });
      const bad = await fetch(`${gateway.url}/sse/all?topics=spot,weather`, { headers: { cookie: alice.cookie } });
      expect(bad.status).toBe(400);
    });

    it('sends SSE headers, retry first, an id on every event, and comment keepalives', async () => {
      await publish('spot', spot(0, 1));
      const controller = new AbortController();
      const res = await fetch(`${gateway.url}/sse/market`, { headers: { cookie: alice.cookie }, signal: controller.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(res.headers.get('cache-control')).toContain('no-cache');
      expect(res.headers.get('x-accel-buffering')).toBe('no');
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const deadline = Date.now() + 5000;
      while (!text.includes(': keepalive') && Date.now() < deadline) {
        const chunk = (await reader.read()) as { done: boolean; value?: Uint8Array };
        if (chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
      controller.abort();
      expect(text).toMatch(/^retry: \d+\n\n/);
      expect(text).toContain(': keepalive\n\n');
      const events = text.split('\n\n').filter((block) => block.startsWith('event: '));
      expect(events.length).toBeGreaterThan(0);
      for (const block of events) {
        if (block.startsWith('event: reset')) continue;
        expect(block).toMatch(/\nid: [a-z0-9.-]+$/);
      }
    });
  });

  describe('resume', () => {
    it('replays exactly what a client missed on one stream, in order, once', async () => {
      const first = open('/sse/vexy', alice.cookie);
      await first.waitFor((e) => e.some((x) => x.event === 'ready'), 5000, 'ready');
      await publish('vexy', vexy(1000, 1030));
      await first.waitFor((e) => seqs(e, 'vexy').includes(1029));
      first.close();
      const lastId = first.lastId();
      await publish('vexy', vexy(1030, 1100));
      const second = open('/sse/vexy', alice.cookie, { lastEventId: lastId });
      await publish('vexy', vexy(1100, 1120));
      await second.waitFor((e) => seqs(e, 'vexy').includes(1119));
      const all = [...seqs(first.received, 'vexy'), ...seqs(second.received, 'vexy')].filter((s) => s >= 1000);
      expect(all).toEqual(range(1000, 1120));
      expect(second.received.find((e) => e.event === 'ready')?.data).toMatchObject({ resumed: ['vexy'], reset: [] });
    });

    it('resumes /sse/all across topics on three Redis instances exactly', async () => {
      const path = '/sse/all?topics=spot,intel,alerts';
      const first = open(path, alice.cookie);
      await first.waitFor((e) => e.some((x) => x.event === 'ready'));
      const batch = async (from: number, to: number) => {
        await publish('spot', spot(from, to, 'NDX'));
        await publish('intel', range(from, to).map((seq) => ({ id: `n${seq}`, title: `item ${seq}`, source: 'wire', seq })));
        await publish('alerts', range(from, to).map((seq) => ({ id: `a${seq}`, message: `alert ${seq}`, seq })), alice.userId);
      };
      await batch(0, 20);
      await first.waitFor((e) => seqs(e, 'alerts').includes(19) && seqs(e, 'intel').includes(19) && seqs(e, 'spot').includes(19));
      first.close();
      await batch(20, 60);
      const second = open(path, alice.cookie, { lastEventId: first.lastId() });
      await batch(60, 70);
      await second.waitFor((e) => seqs(e, 'alerts').includes(69) && seqs(e, 'intel').includes(69) && seqs(e, 'spot').includes(69));
      for (const topic of ['spot', 'intel', 'alerts']) {
        // Only NDX ticks belong to this test: the spot snapshot on connect carries other symbols.
        const symbol = topic === 'spot' ? 'NDX' : undefined;
        expect([...seqs(first.received, topic, symbol), ...seqs(second.received, topic, symbol)], topic).toEqual(range(0, 70));
      }
    });

    it('resumes on a second gateway instance from an id the first one issued', async () => {
      const other = await startServiceProcess({ dir: 'services/sse', env: redis.env });
      try {
        const first = open('/sse/vexy', alice.cookie);
        await first.waitFor((e) => e.some((x) => x.event === 'ready'));
        await publish('vexy', vexy(2000, 2010));
        await first.waitFor((e) => seqs(e, 'vexy').includes(2009));
        first.close();
        await publish('vexy', vexy(2010, 2025));
        const second = open('/sse/vexy', alice.cookie, { lastEventId: first.lastId(), base: other.url });
        await second.waitFor((e) => seqs(e, 'vexy').includes(2024));
        expect(seqs(second.received, 'vexy')).toEqual(range(2010, 2025));
      } finally {
        await other.stop();
      }
    });

    it('survives a gateway SIGKILL: the client reconnects by itself and misses nothing', async () => {
      const stream = open('/sse/vexy', alice.cookie);
      await stream.waitFor((e) => e.some((x) => x.event === 'ready'));
      await publish('vexy', vexy(3000, 3010));
      await stream.waitFor((e) => seqs(e, 'vexy').includes(3009));
      const port = gateway.port;
      await gateway.kill();
      await publish('vexy', vexy(3010, 3040));
      gateway = await startServiceProcess({ dir: 'services/sse', env: redis.env, port });
      await publish('vexy', vexy(3040, 3050));
      await stream.waitFor((e) => seqs(e, 'vexy').includes(3049), 15_000, 'events after the restart');
      expect(seqs(stream.received, 'vexy').filter((s) => s >= 3000)).toEqual(range(3000, 3050));
    });

    it('sends reset and a fresh snapshot when what the client missed is past retention', async () => {
      const first = open('/sse/vexy', alice.cookie);
      await first.waitFor((e) => e.some((x) => x.event === 'ready'));
      await publish('vexy', vexy(4000, 4005));
      await first.waitFor((e) => seqs(e, 'vexy').includes(4004));
      first.close();
      await publish('vexy', vexy(4005, 4100));
      // Retention: the stream keeps only its newest entries (what MAXLEN does over time).
      await clients['intel']!.xtrim(truth.topics['vexy']!.stream, 'MAXLEN', 10);
      const second = open('/sse/vexy', alice.cookie, { lastEventId: first.lastId() });
      await second.waitFor((e) => e.some((x) => x.event === 'ready'));
      const names = second.received.map((e) => e.event);
      expect(names[0]).toBe('reset');
      expect(second.received[0]?.data).toEqual({ topic: 'vexy', reason: 'retention' });
      expect(seqs(second.received, 'vexy')).toEqual(range(4095, 4100));
    });

    it('treats an id ahead of the stream (Redis lost data) as a reset, not a silent gap, and goes on live', async () => {
      const stream = open('/sse/vexy', alice.cookie, { lastEventId: `v${(Date.now() + 3_600_000).toString(36)}-0` });
      await stream.waitFor((e) => e.some((x) => x.event === 'ready'));
      expect(stream.received[0]?.data).toEqual({ topic: 'vexy', reason: 'unknown-position' });
      await publish('vexy', vexy(4500, 4503));
      await stream.waitFor((e) => seqs(e, 'vexy').includes(4502), 5000, 'live events after the reset');
      expect(seqs(stream.received, 'vexy').filter((s) => s >= 4500)).toEqual([4500, 4501, 4502]);
    });

    it('replays a backlog larger than the byte budget at the pace of a slow client, exactly once, skipping other users', async () => {
      const first = open('/sse/alerts', alice.cookie);
      await first.waitFor((e) => e.some((x) => x.event === 'ready'));
      first.close();
      const from = first.lastId();
      const text = 'y'.repeat(900);
      // ~7.5 MB for alice (more than the kernel's socket buffers plus the 1 MiB budget),
      // interleaved with bob's alerts that she must never see.
      for (let i = 0; i < 80; i++) {
        await publish('alerts', range(i * 100, i * 100 + 100).map((seq) => ({ id: `b${seq}`, message: `bob ${text}`, seq })), bob.userId);
        await publish('alerts', range(i * 100, i * 100 + 100).map((seq) => ({ id: `a${seq}`, message: `alice ${text}`, seq })), alice.userId);
      }
      const lagging = async () => Number(/ms_sse_lagging_connections\{service="sse"\} (\d+)/.exec(await (await fetch(`${gateway.url}/metrics`)).text())?.[1] ?? 0);
      const slow = await openRawStream(gateway.url, '/sse/alerts', alice.cookie, { lastEventId: from, paused: true });
      // Stay paused until the gateway sees the socket full, and a while longer: catch-up must wait.
      await expect.poll(lagging, { timeout: 15_000 }).toBe(1);
      await new Promise((r) => setTimeout(r, 500));
      // Published while the resume is still catching up: delivered once, after the backlog.
      await publish('alerts', range(8000, 8020).map((seq) => ({ id: `a${seq}`, message: `alice ${text}`, seq })), alice.userId);
      slow.socket.resume();
      await slow.waitFor((f) => rawSeqs(f, 'alerts').includes(8019) || f.some((x) => x.event === 'error'), 30_000, 'the whole backlog');
      expect(slow.frames.filter((f) => f.event === 'error')).toEqual([]);
      expect(rawSeqs(slow.frames, 'alerts')).toEqual(range(0, 8020));
      expect(slow.frames.map((f) => f.data).join('')).not.toContain('bob ');
      slow.socket.destroy();

      // Cut after 700 frames, resume with the last id received: nothing lost, nothing twice.
      const cut = await openRawStream(gateway.url, '/sse/alerts', alice.cookie, { lastEventId: from, stopAfter: 700, paused: true });
      await new Promise((r) => setTimeout(r, 300));
      cut.socket.resume();
      await cut.closed();
      const rest = await openRawStream(gateway.url, '/sse/alerts', alice.cookie, { lastEventId: cut.lastId() });
      await rest.waitFor((f) => rawSeqs(f, 'alerts').includes(8019), 30_000, 'the rest');
      expect([...rawSeqs(cut.frames, 'alerts'), ...rawSeqs(rest.frames, 'alerts')]).toEqual(range(0, 8020));
      rest.socket.destroy();
    });
  });

  describe('snapshot on connect', () => {
    it('sends the latest spot per symbol to a new connection at once', async () => {
      await publish('spot', [{ symbol: 'RUT', price: 2100 }, { symbol: 'RUT', price: 2101.5 }, { symbol: 'VIX', price: 14.2 }]);
      const stream = open('/sse/market', alice.cookie);
      await stream.waitFor((e) => e.some((x) => x.event === 'ready'));
      const prices = Object.fromEntries(stream.received.filter((e) => e.event === 'spot').map((e) => [(e.data['data'] as { symbol: string }).symbol, (e.data['data'] as { price: number }).price]));
      expect(prices).toMatchObject({ RUT: 2101.5, VIX: 14.2 });
    });

    it('follows one symbol on a per-symbol model stream', async () => {
      const stream = open('/sse/gex/SPX', alice.cookie);
      await stream.waitFor((e) => e.some((x) => x.event === 'ready'));
      await publish('gex', [{ symbol: 'NDX', strikes: [{ strike: 20000, call: 1, put: -1 }], seq: 1 }, { symbol: 'SPX', strikes: [{ strike: 5000, call: 2, put: -3 }], seq: 2 }]);
      await stream.waitFor((e) => seqs(e, 'gex').includes(2));
      expect(seqs(stream.received, 'gex')).toEqual([2]);
    });
  });

  describe('user scoping', () => {
    it("never delivers one user's alerts, trades or risk graph to another, on any route", async () => {
      const aliceAll = open('/sse/all?topics=alerts,trades,risk-graph,positions', alice.cookie);
      const bobAll = open('/sse/all?topics=alerts,trades,risk-graph,positions', bob.cookie);
      const bobAlerts = open('/sse/alerts', bob.cookie);
      await Promise.all([aliceAll, bobAll, bobAlerts].map((s) => s.waitFor((e) => e.some((x) => x.event === 'ready'))));
      await publish('alerts', [{ id: 'x1', message: 'for alice', seq: 1 }], alice.userId);
      await publish('trades', [{ id: 't1', symbol: 'SPX', seq: 2 }], alice.userId);
      await publish('risk-graph', [{ positions: [{ id: 'p1' }], seq: 3 }], alice.userId);
      await publish('alerts', [{ id: 'x2', message: 'for bob', seq: 4 }], bob.userId);
      await aliceAll.waitFor((e) => seqs(e, 'risk-graph').includes(3));
      await bobAlerts.waitFor((e) => seqs(e, 'alerts').includes(4));
      await bobAll.waitFor((e) => seqs(e, 'alerts').includes(4));
      const payloads = JSON.stringify([...bobAll.received, ...bobAlerts.received]);
      expect(payloads).not.toContain('for alice');
      expect(payloads).not.toContain('"t1"');
      expect(payloads).not.toContain('"p1"');
      expect(JSON.stringify(aliceAll.received)).not.toContain('for bob');
      // A fresh connection's snapshot is scoped too.
      const bobLater = open('/sse/all?topics=alerts,risk-graph', bob.cookie);
      await bobLater.waitFor((e) => e.some((x) => x.event === 'ready'));
      expect(JSON.stringify(bobLater.received)).not.toContain('for alice');
      expect(JSON.stringify(bobLater.received)).toContain('for bob');
    });
  });

  describe('sessions', () => {
    it('closes the streams of a user who signs out, with the reason, and refuses them afterwards', async () => {
      const carol = await registerAccount(gateway.url, 'carol@example.com');
      const stream = open('/sse/alerts', carol.cookie);
      const other = open('/sse/alerts', alice.cookie);
      await Promise.all([stream, other].map((s) => s.waitFor((e) => e.some((x) => x.event === 'ready'))));
      const csrf = /ms_csrf=([^;]+)/.exec(carol.cookie)?.[1] ?? '';
      const out = await fetch(`${gateway.url}/api/auth/logout`, { method: 'POST', headers: { cookie: carol.cookie, 'x-csrf-token': csrf } });
      expect(out.status).toBe(204);
      await stream.waitFor((e) => e.some((x) => x.event === 'error'), 5000, 'the signed-out error event');
      expect(stream.received.find((e) => e.event === 'error')?.data).toMatchObject({ reason: 'signed-out' });
      expect((await fetch(`${gateway.url}/sse/alerts`, { headers: { cookie: carol.cookie } })).status).toBe(401);
      expect(other.received.some((e) => e.event === 'error')).toBe(false);
    });

    it('closes the streams of a session that expired', async () => {
      const dave = await registerAccount(gateway.url, 'dave@example.com');
      const stream = open('/sse/vexy', dave.cookie);
      await stream.waitFor((e) => e.some((x) => x.event === 'ready'));
      const sessionId = /ms_session=([^;]+)/.exec(dave.cookie)?.[1] ?? '';
      // Expiry is Redis removing the key: no sign-out message, so the periodic sweep must notice.
      expect(await clients['system']!.del(`session:${sessionId}`)).toBe(1);
      await stream.waitFor((e) => e.some((x) => x.event === 'error'), 5000, 'the expired-session error event');
      expect(stream.received.find((e) => e.event === 'error')?.data).toMatchObject({ reason: 'signed-out' });
    });
  });

  describe('slow consumers', () => {
    it('conflates then disconnects a client that stops reading, while fast clients keep up', async () => {
      const fast = range(0, 10).map(() => open('/sse/all?topics=spot,vexy', alice.cookie));
      await Promise.all(fast.map((s) => s.waitFor((e) => e.some((x) => x.event === 'ready'))));
      // A raw socket that never reads: the kernel buffers fill, then the gateway's budget.
      const url = new URL(gateway.url);
      const slow = connect(Number(url.port), url.hostname);
      let slowText = '';
      slow.on('data', (d: Buffer) => (slowText += d.toString()));
      await new Promise<void>((r) => slow.once('connect', () => r()));
      slow.write(`GET /sse/all?topics=spot,vexy HTTP/1.1\r\nHost: x\r\nCookie: ${alice.cookie}\r\n\r\n`);
      await new Promise((r) => setTimeout(r, 200));
      slow.pause();

      const metric = async (pattern: RegExp) => Number(pattern.exec(await (await fetch(`${gateway.url}/metrics`)).text())?.[1] ?? 0);
      const big = 'x'.repeat(2000);
      let seq = 10_000;
      // 1. Commentary until the slow socket is full and its events start queueing.
      for (let i = 0; i < 400 && (await metric(/ms_sse_lagging_connections\{service="sse"\} (\d+)/)) === 0; i++) {
        await publish('vexy', range(0, 20).map(() => ({ text: big, seq: seq++ })));
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await metric(/ms_sse_lagging_connections\{service="sse"\} (\d+)/)).toBe(1);
      // 2. Ticks while it lags: the newest tick per symbol replaces the queued one.
      for (let round = 0; round < 20; round++) {
        await publish('spot', range(0, 30).map((i) => ({ symbol: ['SPX', 'NDX', 'RUT'][i % 3]!, price: 5000 + i, seq: round * 30 + i })));
      }
      await expect.poll(() => metric(/ms_sse_conflated_total\{topic="spot",service="sse"\} (\d+)/), { timeout: 5000 }).toBeGreaterThan(0);
      // 3. More commentary than its byte budget: cut, with a reason.
      for (let i = 0; i < 40; i++) await publish('vexy', range(0, 20).map(() => ({ text: big, seq: seq++ })));
      await expect.poll(() => metric(/ms_sse_disconnected_total\{reason="slow-consumer",service="sse"\} (\d+)/), { timeout: 10_000 }).toBe(1);
      const lastVexy = seq - 1;
      await Promise.all(fast.map((s) => s.waitFor((e) => seqs(e, 'vexy').includes(lastVexy), 30_000, 'fast client to catch up')));
      for (const s of fast) {
        expect(seqs(s.received, 'vexy').filter((x) => x >= 10_000)).toEqual(range(10_000, lastVexy + 1));
        // A busy test process may lag too: ticks may be conflated, but the newest per symbol arrives.
        expect(s.received.some((e) => e.event === 'error')).toBe(false);
        for (const [symbol, last] of [['SPX', 597], ['NDX', 598], ['RUT', 599]] as const) {
          expect(seqs(s.received, 'spot', symbol).at(-1), symbol).toBe(last);
        }
      }
      slow.resume();
      await new Promise<void>((resolve) => slow.once('close', () => resolve()));
      expect(slowText).toContain('event: error\ndata: {"reason":"slow-consumer"');
      // What the slow client did get is a prefix of the stream; its last id lets it resume.
      expect(slowText).toMatch(/\nid: [a-z0-9.-]+\n\n/);

      const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
      const rss = Number(/ms_process_resident_memory_bytes\{service="sse"\} (\d+)/.exec(metrics)?.[1]);
      expect(rss).toBeLessThan(300 * 1024 * 1024);
    });
  });

  describe('malformed events', () => {
    it('counts and skips a malformed entry and keeps delivering', async () => {
      const stream = open('/sse/vexy', alice.cookie);
      await stream.waitFor((e) => e.some((x) => x.event === 'ready'));
      const key = truth.topics['vexy']!.stream;
      await clients['intel']!.xadd(key, '*', 'e', '{not json');
      await clients['intel']!.xadd(key, '*', 'e', JSON.stringify({ topic: 'vexy', type: 'x', ts: 1, data: { text: '' } }));
      await publish('vexy', vexy(5000, 5001));
      await stream.waitFor((e) => seqs(e, 'vexy').includes(5000));
      const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
      expect(metrics).toMatch(/ms_sse_events_invalid_total\{topic="vexy",service="sse"\} ([2-9]|\d\d)/);
      expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
    });
  });
});
