import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeServer, errorBodySchema } from '@marketswarm/shared/http';
import { createLogger } from '@marketswarm/shared/logger';
import { gatewayListener } from './gateway-listener.js';
import type { SseHandler } from './streaming/sse-handler.js';

const logger = createLogger('gateway-listener-test', 'silent');
const app: RequestListener = (_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('app');
let server: Server | undefined;

async function serve(streams: SseHandler): Promise<string> {
  server = createServer(gatewayListener(streams, app, logger));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  if (server) await closeServer(server);
  server = undefined;
});

describe(gatewayListener.name, () => {
  it('sends /sse/* to the stream handler and everything else to the app', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('streams');
      return Promise.resolve();
    });
    for (const path of ['/sse/market', '/sse', '/sse?topics=spot']) expect(await (await fetch(`${url}${path}`)).text(), path).toBe('streams');
    for (const path of ['/api/health', '/sse-not-a-stream']) expect(await (await fetch(`${url}${path}`)).text(), path).toBe('app');
  });

  it('answers a stream handler failure with the shared bare 500 body, code and request id included, leaking nothing', async () => {
    const url = await serve((_req, res) => {
      res.setHeader('X-Request-Id', 'stream-request-0001');
      return Promise.reject(new Error('redis exploded at 10.0.0.7'));
    });
    const res = await fetch(`${url}/sse/market`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(text).not.toContain('redis exploded');
    expect(errorBodySchema.strict().parse(JSON.parse(text))).toEqual({ statusCode: 500, error: 'Internal Server Error', code: 'internal', message: 'internal error', requestId: 'stream-request-0001' });
  });
});
