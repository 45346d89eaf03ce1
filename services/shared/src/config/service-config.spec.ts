import { describe, expect, it } from 'vitest';
import { compileRepoTruthSync } from '../testing/repo-truth.js';
import { resolveServiceConfig } from './service-config.js';
import { busUrls, ConfigError } from './stack-addresses.js';

const doc = { ...compileRepoTruthSync().truth, secrets: { intel: { llmApiKey: 'k' } } };

describe(resolveServiceConfig.name, () => {
  it('takes ports and Redis URLs from truth by default', () => {
    const config = resolveServiceConfig(doc, 'sse', {});
    expect(config).toMatchObject({ port: 3001, host: '127.0.0.1', redis: { system: 'redis://127.0.0.1:6379', market: 'redis://127.0.0.1:6380', intel: 'redis://127.0.0.1:6381' } });
  });

  it('lets PORT beat MS_SSE_PORT, and REDIS_*_URL beat the redis port variables', () => {
    const config = resolveServiceConfig(doc, 'sse', { PORT: '4001', MS_SSE_PORT: '5001', MS_REDIS_MARKET_PORT: '7380', REDIS_INTEL_URL: 'redis://10.0.0.9:6400' });
    expect(config.port).toBe(4001);
    expect(config.redis.market).toBe('redis://127.0.0.1:7380');
    expect(config.redis.intel).toBe('redis://10.0.0.9:6400');
  });

  it("hands a service only its own secrets", () => {
    expect(resolveServiceConfig(doc, 'intel', {}).secrets).toEqual({ llmApiKey: 'k' });
    expect(resolveServiceConfig(doc, 'sse', {}).secrets).toEqual({});
  });

  it('reports every bad variable in one error', () => {
    let error: unknown;
    try {
      resolveServiceConfig(doc, 'sse', { PORT: 'abc', MS_REDIS_MARKET_PORT: '70000', REDIS_INTEL_URL: 'http://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT=abc: must be a port number from 1 to 65535',
      'LOG_LEVEL=loud: must be one of trace, debug, info, warn, error, fatal, silent',
      'MS_REDIS_MARKET_PORT=70000: must be a port number from 1 to 65535',
      'REDIS_INTEL_URL=http://x: must start with redis://, rediss://, redis-cluster:// or rediss-cluster://',
    ]);
  });

  it('names the known components when asked for an unknown one', () => {
    expect(() => resolveServiceConfig(doc, 'nope', {})).toThrow(/no component "nope" \(known: .*sse/);
  });
});

describe(busUrls.name, () => {
  it('takes a Redis Cluster URL for a bus', () => {
    const problems: string[] = [];
    const cluster = 'redis-cluster://127.0.0.1:7000,127.0.0.1:7001';
    expect(busUrls(undefined, { REDIS_SYSTEM_URL: cluster, REDIS_MARKET_URL: cluster, REDIS_INTEL_URL: 'redis://i' }, problems)).toEqual({ system: cluster, market: cluster, intel: 'redis://i' });
    expect(problems).toEqual([]);
  });

  it('boots from the default system URL when no truth is known yet', () => {
    const problems: string[] = [];
    expect(busUrls(undefined, { REDIS_MARKET_URL: 'redis://m', REDIS_INTEL_URL: 'redis://i' }, problems)).toEqual({ system: 'redis://127.0.0.1:6379', market: 'redis://m', intel: 'redis://i' });
    expect(problems).toEqual([]);
  });
});
