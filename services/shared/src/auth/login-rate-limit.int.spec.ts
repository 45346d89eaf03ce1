import { describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { useFreshSystemRedis } from '../testing/fresh-system-redis.js';
import type { RedisTrio } from '../testing/test-stack.js';
import { DEFAULT_LOGIN_LIMITS, LoginRateLimiter } from './login-rate-limit.js';

describe(LoginRateLimiter.name, () => {
  let redis: RedisTrio;
  let system: Redis;
  useFreshSystemRedis((client, trio) => {
    system = client;
    redis = trio;
  });

  it('defaults to 10 failures per account and 50 per IP in 15 minutes', () => {
    expect(DEFAULT_LOGIN_LIMITS).toEqual({ accountFailures: 10, ipFailures: 50, windowSec: 900 });
  });

  it('limits an account after its failures, from any address, until the window ends', async () => {
    const limiter = new LoginRateLimiter(system, { accountFailures: 2, ipFailures: 100, windowSec: 30 });
    expect(await limiter.check('10.0.0.1', 'ann@example.com')).toEqual({ limited: false });
    await limiter.recordFailure('10.0.0.1', 'ann@example.com');
    expect(await limiter.check('10.0.0.1', 'ann@example.com')).toEqual({ limited: false });
    await limiter.recordFailure('10.0.0.2', 'ANN@example.com');
    const verdict = await limiter.check('10.0.0.3', 'ann@example.com');
    expect(verdict).toMatchObject({ limited: true, scope: 'account' });
    expect(verdict.limited && verdict.retryAfterSec).toBeGreaterThan(25);
    expect(verdict.limited && verdict.retryAfterSec).toBeLessThanOrEqual(30);
    expect(await limiter.check('10.0.0.3', 'bob@example.com')).toEqual({ limited: false });
  });

  it('limits an address across accounts', async () => {
    const limiter = new LoginRateLimiter(system, { accountFailures: 100, ipFailures: 3, windowSec: 30 });
    for (const email of ['a@x.co', 'b@x.co', 'c@x.co']) await limiter.recordFailure('10.0.0.9', email);
    expect(await limiter.check('10.0.0.9', 'd@x.co')).toMatchObject({ limited: true, scope: 'ip' });
    expect(await limiter.check('10.0.0.8', 'd@x.co')).toEqual({ limited: false });
  });

  it('forgets the account failures after a success', async () => {
    const limiter = new LoginRateLimiter(system, { accountFailures: 2, ipFailures: 100, windowSec: 30 });
    await limiter.recordFailure('10.0.0.1', 'ann@example.com');
    await limiter.recordSuccess('ann@example.com');
    await limiter.recordFailure('10.0.0.1', 'ann@example.com');
    expect(await limiter.check('10.0.0.1', 'ann@example.com')).toEqual({ limited: false });
  });

  it('lifts the limit when the window ends', async () => {
    const limiter = new LoginRateLimiter(system, { accountFailures: 1, ipFailures: 100, windowSec: 1 });
    await limiter.recordFailure('10.0.0.1', 'ann@example.com');
    expect(await limiter.check('10.0.0.1', 'ann@example.com')).toMatchObject({ limited: true, retryAfterSec: 1 });
    await new Promise((r) => setTimeout(r, 1_200));
    expect(await limiter.check('10.0.0.1', 'ann@example.com')).toEqual({ limited: false });
  });

  it('shares its counts between gateway instances through Redis', async () => {
    const limits = { accountFailures: 2, ipFailures: 100, windowSec: 30 };
    await new LoginRateLimiter(system, limits).recordFailure('10.0.0.1', 'ann@example.com');
    await new LoginRateLimiter(redis.system.client(), limits).recordFailure('10.0.0.1', 'ann@example.com');
    expect(await new LoginRateLimiter(redis.system.client(), limits).check('10.0.0.1', 'ann@example.com')).toMatchObject({ limited: true });
  });
});
