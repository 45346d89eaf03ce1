import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInAccount } from '@marketswarm/shared/testing';
import { startGatewayFixture, type GatewayFixture } from './testing/gateway-fixture.js';

/**
 * Every lookup the gateway keys by user input — stream routes, topic names, model names, symbols,
 * query values, resume ids, REST paths — fed the names every plain object inherits. Regression:
 * `/sse/constructor` and `/sse/all?topics=hasOwnProperty` answered 500, `/sse/constructor/SPX`
 * 200 with `topics: [null]`.
 */
const NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];

const PATHS: readonly ((name: string) => string)[] = [
  (n) => `/sse/${n}`,
  (n) => `/sse/${n}/SPX`,
  (n) => `/sse/heatmap/${n}`,
  (n) => `/sse/all?topics=${n}`,
  (n) => `/sse/all?topics=spot,${n}`,
  (n) => `/sse/market?${n}=1&topics=${n}`,
  (n) => `/api/models/${n}`,
  (n) => `/api/models/${n}/SPX`,
  (n) => `/api/models/spot/${n}`,
  (n) => `/api/models/candles/${n}/history`,
  (n) => `/api/models/candles/SPX/history?interval=${n}&limit=${n}&${n}=1`,
  (n) => `/api/profile/${n}`,
  (n) => `/api/auth/${n}`,
  (n) => `/api/admin/${n}`,
  (n) => `/api/${n}`,
  (n) => `/${n}`,
];

describe('gateway routes fed Object.prototype names', () => {
  let f: GatewayFixture;
  let admin: string;

  beforeAll(async () => {
    f = await startGatewayFixture();
    admin = (await createSignedInAccount(f.clients.system, 'root@example.com', { role: 'admin' })).cookie;
  });

  afterAll(async () => {
    await f?.stop();
  });

  /** Status and body of one GET; a 200 stream is cut after its headers. */
  async function probe(path: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
    const controller = new AbortController();
    const res = await fetch(`${f.gateway.url}${path}`, { headers, signal: controller.signal });
    if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
      controller.abort();
      return { status: res.status, body: undefined };
    }
    return { status: res.status, body: (await res.json()) };
  }

  it.each(NAMES)('answers a clear 4xx (never 5xx, never a stream of nothing) for %s', async (name) => {
    for (const cookie of [f.alice.cookie, admin]) {
      for (const path of PATHS.map((p) => p(name))) {
        const { status, body } = await probe(path, { cookie });
        expect(status, path).toBeLessThan(500);
        // A name in the route or topics position is never a stream; in the symbol position it is a
        // well-formed ticker (CONSTRUCTOR) that simply has no data yet.
        if (path.startsWith('/sse/') && !path.startsWith('/sse/market?') && !path.startsWith('/sse/heatmap/')) expect([400, 404], path).toContain(status);
        if (status >= 400) expect(body, path).toMatchObject({ statusCode: status, message: expect.any(String) as string });
      }
    }
  });

  it.each(NAMES)('treats the resume id %s as unreadable: a reset, then the stream', async (name) => {
    const res = await fetch(`${f.gateway.url}/sse/vexy`, { headers: { cookie: f.alice.cookie, 'last-event-id': name } });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('event: ready')) text += new TextDecoder().decode(((await reader.read()) as { value: Uint8Array }).value);
    await reader.cancel();
    expect(text).toContain('event: reset\ndata: {"topic":"*","reason":"unreadable-id"}');
  });
});
