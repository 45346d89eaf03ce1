import { describe, expect, it } from 'vitest';
import { startServiceProcess } from '@marketswarm/shared/testing';
import { openRawStream, rawSeqs } from '../testing/raw-sse-client.js';
import { range, seqs } from '../testing/sse-test-client.js';
import { vexyItems, spotTicks, useGatewayFixture } from '../testing/gateway-fixture.js';

// Exact resume: replay, /sse/all across three Redis instances, a second instance, SIGKILL, retention and lost data. The byte budget is raised above the 7.5 MB slow-client backlog below, which must replay in full at the client's pace.
describe('SSE resume through a real gateway process', () => {
  const f = useGatewayFixture({ settings: { byteBudget: 16 * 1024 * 1024 }, patch: (t) => void (t.topics['alerts']!.maxlen = 100_000) });

  describe('resume', () => {
    it('replays exactly what a client missed on one stream, in order, once', async () => {
      const first = f.open('/sse/vexy', f.alice.cookie);
      await first.waitFor((e) => e.some((x) => x.event === 'ready'), 5000, 'ready');
      await f.publish('vexy', vexyItems(1000, 1030));
      await first.waitFor((e) => seqs(e, 'vexy').includes(1029));
      first.close();
      const lastId = first.lastId();
      await f.publish('vexy', vexyItems(1030, 1100));
      const second = f.open('/sse/vexy', f.alice.cookie, { lastEventId: lastId });
      await f.publish('vexy', vexyItems(1100, 1120));
      await second.waitFor((e) => seqs(e, 'vexy').includes(1119));
      const all = [...seqs(first.received, 'vexy'), ...seqs(second.received, 'vexy')].filter((s) => s >= 1000);
      expect(all).toEqual(range(1000, 1120));
      expect(second.received.find((e) => e.event === 'ready')?.data).toMatchObject({ resumed: ['vexy'], reset: [] });
    });

    it('resumes /sse/all across topics on three Redis instances exactly', async () => {
      const path = '/sse/all?topics=spot,intel,alerts';
      const first = f.open(path, f.alice.cookie);
      await first.waitFor((e) => e.some((x) => x.event === 'ready'));
      const batch = async (from: number, to: number) => {
        await f.publish('spot', spotTicks(from, to, 'NDX'));
        await f.publish('intel', range(from, to).map((seq) => ({ id: `n${seq}`, title: `item ${seq}`, source: 'wire', seq })));
        await f.publish('alerts', range(from, to).map((seq) => ({ id: `a${seq}`, message: `alert ${seq}`, seq })), f.alice.userId);
      };
      await batch(0, 20);
      await first.waitFor((e) => seqs(e, 'alerts').includes(19) && seqs(e, 'intel').includes(19) && seqs(e, 'spot').includes(19));
      first.close();
      await batch(20, 60);
      const second = f.open(path, f.alice.cookie, { lastEventId: first.lastId() });
      await batch(60, 70);
      await second.waitFor((e) => seqs(e, 'alerts').includes(69) && seqs(e, 'intel').includes(69) && seqs(e, 'spot').includes(69));
      for (const topic of ['spot', 'intel', 'alerts']) {
        // Only NDX ticks belong to this test: the spot snapshot on connect carries other symbols.
        const symbol = topic === 'spot' ? 'NDX' : undefined;
        expect([...seqs(first.received, topic, symbol), ...seqs(second.received, topic, symbol)], topic).toEqual(range(0, 70));
      }
    });

    it('resumes on a second f.gateway instance from an id the first one issued', async () => {
      const other = await startServiceProcess({ dir: 'services/sse', env: f.redis.env });
      try {
        const first = f.open('/sse/vexy', f.alice.cookie);
        await first.waitFor((e) => e.some((x) => x.event === 'ready'));
        await f.publish('vexy', vexyItems(2000, 2010));
        await first.waitFor((e) => seqs(e, 'vexy').includes(2009));
        first.close();
        await f.publish('vexy', vexyItems(2010, 2025));
        const second = f.open('/sse/vexy', f.alice.cookie, { lastEventId: first.lastId(), base: other.url });
        await second.waitFor((e) => seqs(e, 'vexy').includes(2024));
        expect(seqs(second.received, 'vexy')).toEqual(range(2010, 2025));
      } finally {
        await other.stop();
      }
    });

    it('survives a f.gateway SIGKILL: the client reconnects by itself and misses nothing', async () => {
      const stream = f.open('/sse/vexy', f.alice.cookie);
      await stream.waitFor((e) => e.some((x) => x.event === 'ready'));
      await f.publish('vexy', vexyItems(3000, 3010));
      await stream.waitFor((e) => seqs(e, 'vexy').includes(3009));
      const port = f.gateway.port;
      await f.gateway.kill();
      await f.publish('vexy', vexyItems(3010, 3040));
      f.gateway = await startServiceProcess({ dir: 'services/sse', env: f.redis.env, port });
      await f.publish('vexy', vexyItems(3040, 3050));
      await stream.waitFor((e) => seqs(e, 'vexy').includes(3049), 15_000, 'events after the restart');
      expect(seqs(stream.received, 'vexy').filter((s) => s >= 3000)).toEqual(range(3000, 3050));
    });

    it('sends reset and a fresh snapshot when what the client missed is past retention', async () => {
      const first = f.open('/sse/vexy', f.alice.cookie);
      await first.waitFor((e) => e.some((x) => x.event === 'ready'));
      await f.publish('vexy', vexyItems(4000, 4005));
      await first.waitFor((e) => seqs(e, 'vexy').includes(4004));
      first.close();
      await f.publish('vexy', vexyItems(4005, 4100));
      // Retention: the stream keeps only its newest entries (what MAXLEN does over time).
      await f.clients['intel'].xtrim(f.truth.topics['vexy']!.stream, 'MAXLEN', 10);
      const second = f.open('/sse/vexy', f.alice.cookie, { lastEventId: first.lastId() });
      await second.waitFor((e) => e.some((x) => x.event === 'ready'));
      const names = second.received.map((e) => e.event);
      expect(names[0]).toBe('reset');
      expect(second.received[0]?.data).toEqual({ topic: 'vexy', reason: 'retention' });
      expect(seqs(second.received, 'vexy')).toEqual(range(4095, 4100));
    });

    it('treats an id ahead of the stream (Redis lost data) as a reset, not a silent gap, and goes on live', async () => {
      const stream = f.open('/sse/vexy', f.alice.cookie, { lastEventId: `v${(Date.now() + 3_600_000).toString(36)}-0` });
      await stream.waitFor((e) => e.some((x) => x.event === 'ready'));
      expect(stream.received[0]?.data).toEqual({ topic: 'vexy', reason: 'unknown-position' });
      await f.publish('vexy', vexyItems(4500, 4503));
      await stream.waitFor((e) => seqs(e, 'vexy').includes(4502), 5000, 'live events after the reset');
      expect(seqs(stream.received, 'vexy').filter((s) => s >= 4500)).toEqual([4500, 4501, 4502]);
    });

    it('replays a backlog larger than the byte budget at the pace of a slow client, exactly once, skipping other users', async () => {
      const first = f.open('/sse/alerts', f.alice.cookie);
      await first.waitFor((e) => e.some((x) => x.event === 'ready'));
      first.close();
      const from = first.lastId();
      const text = 'y'.repeat(900);
      // ~7.5 MB for alice (more than the kernel's socket buffers plus the 1 MiB budget),
      // interleaved with bob's alerts that she must never see.
      for (let i = 0; i < 80; i++) {
        await f.publish('alerts', range(i * 100, i * 100 + 100).map((seq) => ({ id: `b${seq}`, message: `bob ${text}`, seq })), f.bob.userId);
        await f.publish('alerts', range(i * 100, i * 100 + 100).map((seq) => ({ id: `a${seq}`, message: `alice ${text}`, seq })), f.alice.userId);
      }
      const lagging = () => f.metric(/ms_sse_lagging_connections\{service="sse"\} (\d+)/);
      const slow = await openRawStream(f.gateway.url, '/sse/alerts', f.alice.cookie, { lastEventId: from, paused: true });
      // Stay paused until the f.gateway sees the socket full, and a while longer: catch-up must wait.
      await expect.poll(lagging, { timeout: 15_000 }).toBe(1);
      await new Promise((r) => setTimeout(r, 500));
      // Published while the resume is still catching up: delivered once, after the backlog.
      await f.publish('alerts', range(8000, 8020).map((seq) => ({ id: `a${seq}`, message: `alice ${text}`, seq })), f.alice.userId);
      slow.socket.resume();
      await slow.waitFor((f) => rawSeqs(f, 'alerts').includes(8019) || f.some((x) => x.event === 'error'), 30_000, 'the whole backlog');
      expect(slow.frames.filter((f) => f.event === 'error')).toEqual([]);
      expect(rawSeqs(slow.frames, 'alerts')).toEqual(range(0, 8020));
      expect(slow.frames.map((f) => f.data).join('')).not.toContain('bob ');
      slow.socket.destroy();

      // Cut after 700 frames, resume with the last id received: nothing lost, nothing twice.
      const cut = await openRawStream(f.gateway.url, '/sse/alerts', f.alice.cookie, { lastEventId: from, stopAfter: 700, paused: true });
      await new Promise((r) => setTimeout(r, 300));
      cut.socket.resume();
      await cut.closed();
      const rest = await openRawStream(f.gateway.url, '/sse/alerts', f.alice.cookie, { lastEventId: cut.lastId() });
      await rest.waitFor((f) => rawSeqs(f, 'alerts').includes(8019), 30_000, 'the rest');
      expect([...rawSeqs(cut.frames, 'alerts'), ...rawSeqs(rest.frames, 'alerts')]).toEqual(range(0, 8020));
      rest.socket.destroy();
    });
  });

});
