import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heartbeatKey, parseHeartbeat } from '@marketswarm/shared/heartbeat';
import { loadRepoTruth, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '@marketswarm/shared/testing';

describe('massive producer process', () => {
  let redis: RedisTrio;
  let producer: ServiceProcess;
  let truthVersion: string;

  beforeAll(async () => {
    redis = await startRedisTrio();
    truthVersion = (await loadRepoTruth(redis.system.client())).version;
    producer = await startServiceProcess({ dir: 'services/massive', env: redis.env });
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
    expect(body).toMatchObject({ status: 'ok', service: 'massive', version: '0.1.0', pid: producer.child.pid, truthVersion });
    expect(body['uptimeSec']).toBeTypeOf('number');
  });

  it('writes a fresh heartbeat to system Redis with its pid and port', async () => {
    const record = parseHeartbeat(await redis.system.client().get(heartbeatKey('massive')));
    expect(record).toMatchObject({ service: 'massive', pid: producer.child.pid, port: producer.port, truthVersion });
    expect(Date.now() - record!.ts).toBeLessThan(5000);
  });

  it('serves Prometheus metrics', async () => {
    const text = await (await fetch(`${producer.url}/metrics`)).text();
    expect(text).toContain('ms_process_cpu_user_seconds_total{service="massive"}');
  });

  it('answers unknown routes with the shared 404 body', async () => {
    const res = await fetch(`${producer.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ statusCode: 404, error: 'Not Found', message: 'no route for GET /api/nope' });
  });

  it('removes its heartbeat on a clean SIGTERM', async () => {
    const system = redis.system.client();
    expect(await producer.stop()).toBe(0);
    expect(await system.get(heartbeatKey('massive'))).toBeNull();
  });
});
