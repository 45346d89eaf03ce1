import type { Redis } from 'ioredis';
import type { RedisHealth } from './ops-records.js';
import { withTimeout } from './with-timeout.js';

/** `INFO` text → field → value (section headers and blank lines dropped). */
export function parseRedisInfo(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).trim();
  }
  return fields;
}

/** What operators read from one Redis: memory used, the limit (null when unlimited) and AOF. */
export function redisHealthFromInfo(bus: string, info: Record<string, string>): RedisHealth {
  const number = (key: string) => {
    const value = Number(info[key]);
    return info[key] !== undefined && Number.isFinite(value) ? value : null;
  };
  const max = number('maxmemory');
  return {
    bus,
    reachable: true,
    usedMemoryBytes: number('used_memory'),
    maxMemoryBytes: max === 0 ? null : max,
    aof: info['aof_enabled'] === undefined ? null : info['aof_enabled'] === '1',
  };
}

export function unreachableRedis(bus: string): RedisHealth {
  return { bus, reachable: false, usedMemoryBytes: null, maxMemoryBytes: null, aof: null };
}

/** One `INFO` (its default sections hold memory and persistence), bounded by `timeoutMs`. */
export async function readRedisHealth(bus: string, redis: Redis, timeoutMs = 1500): Promise<RedisHealth> {
  try {
    return redisHealthFromInfo(bus, parseRedisInfo(await withTimeout(redis.info(), timeoutMs, `INFO on ${bus}`)));
  } catch {
    return unreachableRedis(bus);
  }
}
