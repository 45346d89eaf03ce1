import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { range, seqs } from '../testing/sse-test-client.js';
import { useGatewayFixture } from '../testing/gateway-fixture.js';

// Backpressure with the default 1 MiB byte budget: conflation, then a disconnect with a reason, while fast clients keep up.
describe('SSE slow consumers through a real gateway process', () => {
  const f = useGatewayFixture();

  describe('slow consumers', () => {
    it('conflates then disconnects a client that stops reading, while fast clients keep up', async () => {
      const fast = range(0, 10).map(() => f.open('/sse/all?topics=spot,vexy', f.alice.cookie));
      await Promise.all(fast.map((s) => s.waitFor((e) => e.some((x) => x.event === 'ready'))));
      // A raw socket that never reads: the kernel buffers fill, then the f.gateway's budget.
      const url = new URL(f.gateway.url);
      const slow = connect(Number(url.port), url.hostname);
      let slowText = '';
      slow.on('data', (d: Buffer) => (slowText += d.toString()));
      await new Promise<void>((r) => slow.once('connect', () => r()));
      slow.write(`GET /sse/all?topics=spot,vexy HTTP/1.1\r\nHost: x\r\nCookie: ${f.alice.cookie}\r\n\r\n`);
      await new Promise((r) => setTimeout(r, 200));
      slow.pause();

      const metric = (pattern: RegExp) => f.metric(pattern);
      const big = 'x'.repeat(2000);
      let seq = 10_000;
      // 1. Commentary until the slow socket is full and its events start queueing.
      for (let i = 0; i < 400 && (await metric(/ms_sse_lagging_connections\{service="sse"\} (\d+)/)) === 0; i++) {
        await f.publish('vexy', range(0, 20).map(() => ({ text: big, seq: seq++ })));
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await metric(/ms_sse_lagging_connections\{service="sse"\} (\d+)/)).toBe(1);
      // 2. Ticks while it lags: the newest tick per symbol replaces the queued one.
      for (let round = 0; round < 20; round++) {
        await f.publish('spot', range(0, 30).map((i) => ({ symbol: ['SPX', 'NDX', 'RUT'][i % 3]!, price: 5000 + i, seq: round * 30 + i })));
      }
      await expect.poll(() => metric(/ms_sse_conflated_total\{topic="spot",service="sse"\} (\d+)/), { timeout: 5000 }).toBeGreaterThan(0);
      // 3. More commentary than its byte budget: cut, with a reason.
      for (let i = 0; i < 40; i++) await f.publish('vexy', range(0, 20).map(() => ({ text: big, seq: seq++ })));
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

      const metrics = await (await fetch(`${f.gateway.url}/metrics`)).text();
      const rss = Number(/ms_process_resident_memory_bytes\{service="sse"\} (\d+)/.exec(metrics)?.[1]);
      expect(rss).toBeLessThan(300 * 1024 * 1024);
    });
  });

});
