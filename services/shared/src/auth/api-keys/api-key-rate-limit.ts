import type { Redis } from 'ioredis';
import { API_KEY_KEYS } from './api-key.repository.js';

export interface RateLimit {
  /** Tokens added per second: the sustained events per second. */
  ratePerSec: number;
  /** Bucket size: how many events may arrive at once after a quiet spell. */
  burst: number;
}

export type RateVerdict = { allowed: true; remaining: number } | { allowed: false; retryAfterSec: number };

/**
 * A token bucket in one hash, refilled from Redis's own clock so every gateway (and a gateway with
 * a skewed clock) shares one bucket per key. Takes all `n` tokens or none, so a batch is accepted or
 * refused whole. Returns {1, remaining} or {0, milliseconds until n tokens are there}.
 */
const TAKE = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local n = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate / 1000)
local ttl = math.ceil(burst / rate) + 1
if tokens >= n then
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - n), 'ts', now)
  redis.call('EXPIRE', KEYS[1], ttl)
  return {1, math.floor(tokens - n)}
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now)
redis.call('EXPIRE', KEYS[1], ttl)
return {0, math.ceil((n - tokens) * 1000 / rate)}
`;

/** Per-key ingest limits, counted in system Redis so they hold across N gateways. */
export class ApiKeyRateLimiter {
  constructor(private readonly redis: Redis) {}

  async take(keyId: string, n: number, limit: RateLimit): Promise<RateVerdict> {
    const [allowed, value] = (await this.redis.eval(TAKE, 1, API_KEY_KEYS.rate(keyId), limit.ratePerSec, limit.burst, n)) as [number, number];
    return allowed === 1 ? { allowed: true, remaining: value } : { allowed: false, retryAfterSec: Math.max(1, Math.ceil(value / 1000)) };
  }
}
