import { describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { useFreshSystemRedis } from '../testing/fresh-system-redis.js';
import { resolveAuthLimits } from './auth-limits.js';
import { SignUpRateLimiter } from './sign-up-rate-limit.js';

describe(SignUpRateLimiter.name, () => {
  let system: Redis;
  useFreshSystemRedis((client) => {
    system = client;
  });

  it('lets exactly the limit of parallel sign-ups from one address through, then answers the wait', async () => {
    const limiter = new SignUpRateLimiter(system, resolveAuthLimits({ signUpsPerAddress: { limit: 5, windowSec: 3600 } }));
    const verdicts = await Promise.all(Array.from({ length: 25 }, () => limiter.reserve('203.0.113.7')));
    expect(verdicts.filter((v) => !v.limited)).toHaveLength(5);
    const refused = verdicts.find((v) => v.limited);
    expect(refused?.limited && refused.retryAfterSec).toBeGreaterThan(3590);
    expect(await limiter.reserve('203.0.113.8')).toEqual({ limited: false });
  });

  it('limits the gateway’s own machine like any address (every browser behind nginx on the host is 127.0.0.1)', async () => {
    const limiter = new SignUpRateLimiter(system, resolveAuthLimits({ signUpsPerAddress: { limit: 1, windowSec: 3600 } }));
    expect(await limiter.reserve('127.0.0.1')).toEqual({ limited: false });
    expect(await limiter.reserve('::ffff:127.0.0.1')).toMatchObject({ limited: true });
    expect(await limiter.reserve('::1')).toEqual({ limited: false });
    expect(await limiter.reserve('::1')).toMatchObject({ limited: true });
  });
});
