import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

/**
 * Opens one ioredis connection that reconnects forever with capped backoff and logs each state
 * change once (not every failed attempt), so a Redis blip is visible without flooding the logs.
 */
export function openRedis(url: string, name: string, logger: Logger, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: null,
    // TCP keepalive: a half-open socket would otherwise leave a blocking XREAD waiting for hours.
    keepAlive: 10_000,
    enableAutoPipelining: false,
    retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 6), 5000),
    ...options,
  });
  let lastError = '';
  redis.on('ready', () => {
    lastError = '';
    logger.info({ redis: name, url: redactUrl(url) }, 'redis ready');
  });
  redis.on('error', (error: Error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn({ redis: name, url: redactUrl(url), err: error.message }, 'redis error');
  });
  redis.on('reconnecting', (delay: number) => logger.debug({ redis: name, delay }, 'redis reconnecting'));
  return redis;
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}
