import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchHealth, parseHealth } from './health';
import { ApiError } from './http';

const healthy = { status: 'ok', service: 'sse', version: '0.1.0', pid: 1234, uptimeSec: 61, truthVersion: 'a1b2c3' };

function answer(status: number, body: unknown, contentType = 'application/json; charset=utf-8'): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe(parseHealth.name, () => {
  it('accepts the shared health body, with or without a loaded truth', () => {
    expect(parseHealth(healthy)).toEqual(healthy);
    expect(parseHealth({ ...healthy, truthVersion: null }).truthVersion).toBeNull();
  });

  it('names every field it could not use', () => {
    expect(() => parseHealth({ status: 'ok', service: 3 })).toThrow('/api/health answered an unexpected body (service, version, pid, uptimeSec, truthVersion)');
    expect(() => parseHealth('nope')).toThrow(ApiError);
  });
});

describe(fetchHealth.name, () => {
  it('asks the same origin for /api/health as JSON', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(answer(200, healthy)));
    vi.stubGlobal('fetch', fetchMock);
    await expect(fetchHealth()).resolves.toEqual(healthy);
    expect(fetchMock).toHaveBeenCalledWith('/api/health', expect.objectContaining({ headers: { Accept: 'application/json' }, credentials: 'same-origin' }));
  });

  it('reports the message of the shared error body with its status', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(answer(503, { statusCode: 503, error: 'Service Unavailable', message: 'truth is not loaded' })));
    await expect(fetchHealth()).rejects.toMatchObject({ name: 'ApiError', status: 503, message: '503: truth is not loaded' });
  });

  it('reports a non-JSON failure (an nginx error page) by status', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } })));
    await expect(fetchHealth()).rejects.toMatchObject({ status: 502, message: '/api/health answered 502 Bad Gateway' });
  });

  it('reports an HTML answer with status 200 (a SPA fallback) as not JSON', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(answer(200, '<!doctype html>', 'text/html')));
    await expect(fetchHealth()).rejects.toThrow('/api/health did not answer with JSON');
  });

  it('reports a network failure as unreachable', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')));
    await expect(fetchHealth()).rejects.toMatchObject({ status: 0, message: '/api/health is unreachable: fetch failed' });
  });

  it('lets an abort through untouched so the caller can ignore it', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('aborted', 'AbortError');
    vi.stubGlobal('fetch', () => Promise.reject(abort));
    await expect(fetchHealth(controller.signal)).rejects.toBe(abort);
  });
});
