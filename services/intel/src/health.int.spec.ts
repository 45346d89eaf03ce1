import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStreamEntry, formatEventIssues } from '@marketswarm/shared/events';
import { heartbeatKey, parseHeartbeat } from '@marketswarm/shared/heartbeat';
import { loadRepoTruth, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '@marketswarm/shared/testing';

describe('intel producer process', () => {
  let redis: RedisTrio;
  let producer: ServiceProcess;
  let truthVersion: string;

  beforeAll(async () => {
    redis = await startRedisTrio();
    truthVersion = (await loadRepoTruth(redis.system.client())).version;
    producer = await startServiceProcess({ dir: 'services/intel', env: redis.env });
  });

  afterAll(async () => {
    await producer?.stop();
    await redis?.stop();
  });

  it('answers /health with its name, version, uptime and the loaded truth version', async () => {
    const res = await fetch(`${producer.url}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', service: 'intel', version: '0.1.0', pid: producer.child.pid, truthVersion });
    expect(body['uptimeSec']).toBeTypeOf('number');
  });

  it('writes a fresh heartbeat to system Redis with its pid and port', async () => {
    const record = parseHeartbeat(await redis.system.client().get(heartbeatKey('intel')));
    expect(record).toMatchObject({ service: 'intel', pid: producer.child.pid, port: producer.port, truthVersion });
    expect(Date.now() - record!.ts).toBeLessThan(5000);
  });

  it('serves Prometheus metrics', async () => {
    const text = await (await fetch(`${producer.url}/metrics`)).text();
    expect(text).toContain('ms_process_cpu_user_seconds_total{service="intel"}');
  });

  it('answers unknown routes with the shared 404 body', async () => {
    const res = await fetch(`${producer.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ statusCode: 404, error: 'Not Found', message: 'no route for GET /api/nope' });
  });

  it('publishes the shipped sample feeds when truth lists no feeds (offline default)', async () => {
    const intel = redis.intel.client();
    const deadline = Date.now() + 10_000;
    while ((await intel.xlen('{intel}:stream:intel')) < 7 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const entries = await intel.xrange('{intel}:stream:intel', '-', '+');
    const sources = entries.map(([, fields]) => {
      const decoded = decodeStreamEntry(fields);
      if (!decoded.ok) throw new Error(formatEventIssues(decoded.issues));
      return (decoded.event.data as Record<string, unknown>)['source'];
    });
    expect(sources.sort()).toEqual([...Array<string>(3).fill('MarketSwarm Desk Notes'), ...Array<string>(4).fill('MarketSwarm Sample Wire')]);
  });

  it('removes its heartbeat on a clean SIGTERM', async () => {
    const system = redis.system.client();
    expect(await producer.stop()).toBe(0);
    expect(await system.get(heartbeatKey('intel'))).toBeNull();
  });
});
