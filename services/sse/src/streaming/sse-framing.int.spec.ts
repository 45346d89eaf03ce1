import { describe, expect, it } from 'vitest';
import { seqs } from '../testing/sse-test-client.js';
import { vexyItems, spotTicks, useGatewayFixture } from '../testing/gateway-fixture.js';

// How a stream starts (refusals, headers, retry, ids, keepalives) and what a malformed stored entry does.
describe('SSE framing and malformed events through a real gateway process', () => {
  const f = useGatewayFixture();

  describe('framing', () => {
    it('refuses with 401 before streaming when there is no session', async () => {
      const res = await fetch(`${f.gateway.url}/sse/market`);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(await res.json()).toMatchObject({ statusCode: 401, message: 'sign in first' });
    });

    it('refuses with 404 before streaming for an unknown stream, and 400 for an unknown topic', async () => {
      const res = await fetch(`${f.gateway.url}/sse/weather`, { headers: { cookie: f.alice.cookie } });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ statusCode: 404, message: 'no stream at /sse/weather' });
      const bad = await fetch(`${f.gateway.url}/sse/all?topics=spot,weather`, { headers: { cookie: f.alice.cookie } });
      expect(bad.status).toBe(400);
    });

    it('sends SSE headers, retry first, an id on every event, and comment keepalives', async () => {
      await f.publish('spot', spotTicks(0, 1));
      const controller = new AbortController();
      const res = await fetch(`${f.gateway.url}/sse/market`, { headers: { cookie: f.alice.cookie }, signal: controller.signal });
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


  describe('malformed events', () => {
    it('counts and skips a malformed entry and keeps delivering', async () => {
      const stream = f.open('/sse/vexy', f.alice.cookie);
      await stream.waitFor((e) => e.some((x) => x.event === 'ready'));
      const key = f.truth.topics['vexy']!.stream;
      await f.clients['intel'].xadd(key, '*', 'e', '{not json');
      await f.clients['intel'].xadd(key, '*', 'e', JSON.stringify({ topic: 'vexy', type: 'x', ts: 1, data: { text: '' } }));
      await f.publish('vexy', vexyItems(5000, 5001));
      await stream.waitFor((e) => seqs(e, 'vexy').includes(5000));
      const metrics = await (await fetch(`${f.gateway.url}/metrics`)).text();
      expect(metrics).toMatch(/ms_sse_events_invalid_total\{topic="vexy",service="sse"\} ([2-9]|\d\d)/);
      expect((await fetch(`${f.gateway.url}/health`)).status).toBe(200);
    });
  });
});
