import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heartbeatKey, parseHeartbeat } from '../heartbeat/index.js';
import { loadRepoTruth, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '../testing/index.js';

/**
 * What every service process promises operators, whatever its framework (Express, NestJS): it boots
 * from REDIS_SYSTEM_URL alone, answers health and metrics, heartbeats, speaks the one error body
 * with request ids, and cleans up on SIGTERM.
 */
describe.each([
  { id: 'sse', dir: 'services/sse' },
  { id: 'journal', dir: 'services/journal' },
  { id: 'copilot', dir: 'services/copilot' },
  { id: 'massive', dir: 'services/massive' },
  { id: 'intel', dir: 'services/intel' },
])('$id process', ({ id, dir }) => {
  let redis: RedisTrio;
  let service: ServiceProcess;
  let truthVersion: string;

  beforeAll(async () => {
    redis = await startRedisTrio();
    truthVersion = (await loadRepoTruth(redis.system.client())).version;
    service = await startServiceProcess({ dir, env: redis.env });
  });

  afterAll(async () => {
    await service?.stop();
    await redis?.stop();
  });

  it('answers /health with its name, version, uptime and the loaded truth version', async () => {
    const res = await fetch(`${service.url}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', service: id, version: '0.1.0', pid: service.child.pid, truthVersion });
    expect(body['uptimeSec']).toBeTypeOf('number');
  });

  it('echoes a caller X-Request-Id and replaces one that is not a valid token', async () => {
    const echoed = await fetch(`${service.url}/health`, { headers: { 'X-Request-Id': 'nginx-req-0123abcd' } });
    expect(echoed.headers.get('x-request-id')).toBe('nginx-req-0123abcd');
    const replaced = await fetch(`${service.url}/health`, { headers: { 'X-Request-Id': 'short' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes a fresh heartbeat to system Redis with its pid and port', async () => {
    const record = parseHeartbeat(await redis.system.client().get(heartbeatKey(id)));
    expect(record).toMatchObject({ service: id, pid: service.child.pid, port: service.port, truthVersion });
    expect(Date.now() - record!.ts).toBeLessThan(5000);
  });

  it('serves Prometheus metrics', async () => {
    const res = await fetch(`${service.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toContain(`ms_process_cpu_user_seconds_total{service="${id}"}`);
  });

  it('answers unknown routes with the shared 404 body carrying the request id', async () => {
    const res = await fetch(`${service.url}/api/nope?x=1`, { headers: { 'X-Request-Id': 'trace-404-abcdef' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('trace-404-abcdef');
    expect(await res.json()).toEqual({ statusCode: 404, error: 'Not Found', code: 'not-found', message: 'no route for GET /api/nope', requestId: 'trace-404-abcdef' });
  });

  it('removes its heartbeat on a clean SIGTERM', async () => {
    expect(await service.stop()).toBe(0);
    expect(await redis.system.client().get(heartbeatKey(id))).toBeNull();
  });
});
