import type { AddressInfo } from 'node:net';
import express, { Router } from 'express';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestMetrics } from './request-metrics.js';

describe('requestMetrics', () => {
  const registry = new Registry();
  let base = '';
  let close: () => void = () => undefined;

  beforeAll(async () => {
    const app = express();
    app.use(requestMetrics(registry));
    const router = Router();
    router.get('/:id', (req, res) => void res.status(req.params['id'] === 'boom' ? 503 : 200).json({ id: req.params['id'] }));
    app.use('/api/things', router);
    app.get('/health', (_req, res) => void res.json({ ok: true }));
    app.use((_req, res) => void res.status(404).end());
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  async function counts(): Promise<Map<string, number>> {
    const metric = await registry.getSingleMetric('ms_http_requests_total')!.get();
    return new Map(metric.values.map((v) => [`${String(v.labels['method'])} ${String(v.labels['route'])} ${String(v.labels['status'])}`, v.value]));
  }

  it('labels each request with its route pattern and status, never the raw path', async () => {
    for (const path of ['/api/things/a', '/api/things/b', '/api/things/boom', '/nowhere', '/health']) await fetch(base + path);
    await new Promise((r) => setTimeout(r, 20));
    const seen = await counts();
    expect(seen.get('GET /api/things/:id 200')).toBe(2);
    expect(seen.get('GET /api/things/:id 503')).toBe(1);
    expect(seen.get('GET unmatched 404')).toBe(1);
    expect([...seen.keys()].some((k) => k.includes('/health') || k.includes('/api/things/a'))).toBe(false);
  });

  it('names what no route answered as the server says (the static server: static)', async () => {
    const own = new Registry();
    const app = express();
    app.use(requestMetrics(own, { unmatched: 'static' }));
    app.use((_req, res) => void res.status(200).end('file'));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/assets/app-1a2b.js`);
      await new Promise((r) => setTimeout(r, 20));
      const metric = await own.getSingleMetric('ms_http_requests_total')!.get();
      expect(metric.values.map((v) => `${String(v.labels['route'])} ${String(v.labels['status'])}`)).toEqual(['static 200']);
    } finally {
      server.close();
    }
  });

  it('shares one set of series when mounted twice on the same registry', () => {
    expect(() => requestMetrics(registry)).not.toThrow();
  });
});
