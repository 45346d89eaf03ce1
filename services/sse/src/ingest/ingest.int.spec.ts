import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyRepository, USER_KEYS, UserRepository } from '@marketswarm/shared/auth';
import { closeServer } from '@marketswarm/shared/http';
import { createLogger } from '@marketswarm/shared/logger';
import { createGatewayApp, GATEWAY_OPENAPI_PATH } from '../app.js';
import { useGatewayFixture, type GatewayFixture } from '../testing/gateway-fixture.js';
import { createIngestRouter } from './ingest.router.js';

const LIMIT = { ratePerSec: 0.01, burst: 5, maxBodyBytes: 4096 };

interface IngestApp {
  url: string;
  registry: Registry;
  server: Server;
}

/**
 * The gateway's REST app as main.ts assembles it (error handler, headers, OpenAPI) with only the
 * ingest router, in this process, over the fixture's Redis; the real gateway process next to it
 * delivers what ingest appends. Two of them share one key's rate bucket like two gateways do.
 */
async function startIngestApp(f: GatewayFixture): Promise<IngestApp> {
  const registry = new Registry();
  const app = createGatewayApp(
    {
      logger: createLogger('ingest-test', 'silent'),
      health: () => ({ status: 'ok', service: 'sse', version: '0.0.0', pid: process.pid, uptimeSec: 0, truthVersion: null, restartNeeded: [] }),
      metrics: registry,
      version: '0.0.0',
    },
    {
      cors: { enabled: false, origins: [] },
      api: [['/api/ingest', createIngestRouter({ system: f.clients.system, bus: (name) => f.clients[name], truth: () => f.truth, settings: () => LIMIT, registry })]],
    },
  );
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, registry, server };
}

describe('POST /api/ingest/:topic with an API key', () => {
  const f = useGatewayFixture();
  let ingest: IngestApp;
  let other: IngestApp;
  let keys: ApiKeyRepository;

  const post = (topic: string, key: string | undefined, body: unknown, base = ingest.url, extra: Record<string, string> = {}) =>
    fetch(`${base}/api/ingest/${topic}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { authorization: `Bearer ${key}` }), ...extra },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const newKey = async (name: string, topics: string[], user?: string) => (await keys.create({ name, topics, ...(user ? { user } : {}) })).token;

  beforeAll(async () => {
    ingest = await startIngestApp(f);
    other = await startIngestApp(f);
    keys = new ApiKeyRepository(f.clients.system);
  });
  afterAll(async () => {
    for (const app of [ingest, other]) if (app) await closeServer(app.server);
  });

  it('accepts an event on the gateway process with 201 and its stream id, and a subscriber of the topic receives it', async () => {
    const key = await newKey('desk-feed', ['vexy', 'intel']);
    const stream = f.open('/sse/vexy', f.alice.cookie);
    await stream.waitFor((e) => e.some((x) => x.event === 'ready'), 5000, 'ready');
    const res = await post('vexy', key, { type: 'note', data: { text: 'from the desk', seq: 1 } }, f.gateway.url);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(id).toMatch(/^\d+-\d+$/);
    await stream.waitFor((e) => e.some((x) => x.event === 'vexy' && (x.data['data'] as { text?: string }).text === 'from the desk'), 5000, 'the ingested event');
    expect(stream.received.find((x) => x.event === 'vexy' && x.data['type'] === 'note')?.data).toMatchObject({ topic: 'vexy', type: 'note', data: { text: 'from the desk', seq: 1 } });
    expect(await f.clients.intel.xrange(f.truth.topics['vexy']!.stream, id, id)).toHaveLength(1);
    expect((await keys.findById(key.slice(8, 24)))?.lastUsedAt).toMatch(/^\d{4}-/);
  });

  it('appends a batch in order and answers every id', async () => {
    const key = await newKey('batcher', ['intel']);
    const events = [1, 2, 3].map((seq) => ({ data: { id: `n${seq}`, title: `item ${seq}`, source: 'desk', seq } }));
    const res = await post('intel', key, { events });
    expect(res.status).toBe(201);
    const { ids } = (await res.json()) as { ids: string[] };
    expect(ids).toHaveLength(3);
    const entries = await f.clients.intel.xrange(f.truth.topics['intel']!.stream, ids[0]!, ids[2]!);
    expect(entries.map(([entryId]) => entryId)).toEqual(ids);
  });

  it('answers 401 with WWW-Authenticate: Bearer for no key, a wrong key, and a session cookie without a key', async () => {
    const missing = await post('vexy', undefined, { data: { text: 'x' } });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="ingest"');
    const wrong = await post('vexy', `ms_live_0123456789abcdef_${'A'.repeat(43)}`, { data: { text: 'x' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer realm="ingest", error="invalid_token"');
    expect(await wrong.json()).toMatchObject({ code: 'unauthorized', message: 'the API key is not valid' });
    expect((await post('vexy', undefined, { data: { text: 'x' } }, ingest.url, { cookie: f.alice.cookie })).status).toBe(401);
  });

  it('needs no CSRF token and refuses a key once it is revoked', async () => {
    const key = await newKey('revocable', ['vexy']);
    expect((await post('vexy', key, { data: { text: 'before' } })).status).toBe(201);
    await keys.revoke(key.slice(8, 24));
    const res = await post('vexy', key, { data: { text: 'after' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'the API key was revoked' });
  });

  it('answers 403 naming the topic and the allowed ones for a topic outside the key, 404 for no such topic', async () => {
    const key = await newKey('narrow', ['vexy', 'intel']);
    const res = await post('spot', key, { data: { symbol: 'SPX', price: 5000 } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'forbidden', message: 'key "narrow" may not publish to "spot" (it may publish to: vexy, intel)' });
    const unknown = await post('weather', key, { data: {} });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toMatch(/^no topic "weather" \(topics: .*vexy/);
  });

  it('answers 400 naming the field and reason when a payload fails the topic schema, and appends nothing', async () => {
    const key = await newKey('market-adapter', ['spot']);
    const stream = f.truth.topics['spot']!.stream;
    const before = await f.clients.market.xlen(stream);
    const res = await post('spot', key, { data: { symbol: 'SPX', price: 'high' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string; issues: { path: string; message: string }[] };
    expect(body.code).toBe('validation');
    expect(body.issues[0]?.path).toBe('data.price');
    expect(body.message).toContain('invalid spot event: data.price: ');
    const batch = await post('spot', key, { events: [{ data: { symbol: 'SPX', price: 1 } }, { data: { symbol: 'SPX' } }] });
    expect(((await batch.json()) as typeof body).issues.map((i) => i.path)).toEqual(['events.1.data.price']);
    expect((await post('spot', key, { data: { symbol: 'SPX', price: 1 }, user: 'u_x' })).status).toBe(400);
    expect(await f.clients.market.xlen(stream)).toBe(before);
  });

  it('answers 413 for a body over the limit', async () => {
    const key = await newKey('wordy', ['vexy']);
    const res = await post('vexy', key, { data: { text: 'x'.repeat(LIMIT.maxBodyBytes) } });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload-too-large', message: 'request body is larger than 4kb' });
  });

  it('answers 429 with Retry-After once a key spends its burst, counted across two gateways', async () => {
    const key = await newKey('chatty', ['vexy']);
    expect((await post('vexy', key, { events: [1, 2, 3].map((seq) => ({ data: { text: `t${seq}`, seq } })) })).status).toBe(201);
    expect((await post('vexy', key, { data: { text: 't4' } }, other.url)).status).toBe(201);
    expect((await post('vexy', key, { data: { text: 't5' } })).status).toBe(201);
    const limited = await post('vexy', key, { data: { text: 't6' } }, other.url);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ code: 'rate-limited' });
    // Another key has its own bucket.
    expect((await post('vexy', await newKey('quiet', ['vexy']), { data: { text: 'q' } })).status).toBe(201);
  });

  it('sends a per-user topic to the user the key is bound to', async () => {
    const key = await newKey('broker', ['trades'], f.alice.userId);
    const stream = f.open('/sse/trades', f.alice.cookie);
    await stream.waitFor((e) => e.some((x) => x.event === 'ready'), 5000, 'ready');
    expect((await post('trades', key, { data: { id: 'ext-1', symbol: 'SPX', status: 'open' } })).status).toBe(201);
    await stream.waitFor((e) => e.some((x) => x.event === 'trades' && (x.data['data'] as { id?: string }).id === 'ext-1'), 5000, 'the trade');
    expect(stream.received.find((x) => x.event === 'trades')?.data).toMatchObject({ user: f.alice.userId });
  });

  it('refuses with 403 a key whose account is disabled or deleted, appending nothing, and accepts it again once the account is enabled', async () => {
    const users = new UserRepository(f.clients.system);
    const dana = await users.create({ email: 'dana@example.com', passwordHash: 'x', role: 'trader' });
    const key = await newKey('dana-broker', ['trades'], dana.id);
    const route = f.truth.topics['trades']!;
    const length = () => f.clients[route.bus].xlen(route.stream);
    const trade = (id: string) => ({ data: { id, symbol: 'SPX', status: 'open' } });
    expect((await post('trades', key, trade('d-1'))).status).toBe(201);
    const before = await length();

    await users.setDisabled(dana.id, true);
    const disabled = await post('trades', key, trade('d-2'));
    expect(disabled.status).toBe(403);
    expect(await disabled.json()).toMatchObject({ code: 'forbidden', message: `key "dana-broker" acts for account ${dana.id}, which is disabled` });
    expect(await length()).toBe(before);

    await users.setDisabled(dana.id, false);
    expect((await post('trades', key, trade('d-3'))).status).toBe(201);

    await f.clients.system.del(USER_KEYS.user(dana.id));
    const deleted = await post('trades', key, trade('d-4'));
    expect(deleted.status).toBe(403);
    expect(await deleted.json()).toMatchObject({ code: 'forbidden', message: `key "dana-broker" acts for account ${dana.id}, which no longer exists` });
    expect(await length()).toBe(before + 1);
  });

  it('counts accepted events per topic and key, and refusals per reason', async () => {
    // The first event went through the gateway process, which counts it on its own /metrics.
    expect(await (await fetch(`${f.gateway.url}/metrics`)).text()).toMatch(/ms_ingest_events_total\{topic="vexy",key="desk-feed",service="sse"\} 1\b/);
    const text = await ingest.registry.metrics();
    expect(text).toMatch(/ms_ingest_events_total\{topic="intel",key="batcher"\} 3\b/);
    for (const reason of ['unauthorized', 'forbidden', 'not-found', 'validation', 'payload-too-large']) expect(text).toMatch(new RegExp(`ms_ingest_rejected_total\\{reason="${reason}"\\} [1-9]`));
    expect(await other.registry.metrics()).toMatch(/ms_ingest_rejected_total\{reason="rate-limited"\} 1\b/);
  });

  it('is documented in the OpenAPI document with the apiKey bearer scheme', async () => {
    const doc = (await (await fetch(`${ingest.url}${GATEWAY_OPENAPI_PATH}`)).json()) as { paths: Record<string, { post?: { security: unknown; responses: Record<string, unknown> } }> };
    const op = doc.paths['/api/ingest/{topic}']?.post;
    expect(op?.security).toEqual([{ apiKey: [] }]);
    expect(Object.keys(op?.responses ?? {}).sort()).toEqual(['201', '400', '401', '403', '404', '413', '415', '429', '503']);
  });
});
