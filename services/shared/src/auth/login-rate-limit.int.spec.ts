import { describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { useFreshSystemRedis } from '../testing/fresh-system-redis.js';
import type { RedisTrio } from '../testing/test-stack.js';
import { resolveAuthLimits, type AuthLimits } from './auth-limits.js';
import { LOGIN_LIMIT_KEYS, LoginRateLimiter } from './login-rate-limit.js';

const window = (limit: number, windowSec = 30) => ({ limit, windowSec });
/** Only the limit under test is small; the others stay out of the way. */
const limitsWith = (overrides: Partial<AuthLimits>): AuthLimits =>
  resolveAuthLimits({ accountPerAddress: window(100), perAddress: window(100), perAccount: window(100), ...overrides });
const from = (ip: string, knownDevice = false) => ({ ip, knownDevice });

describe(LoginRateLimiter.name, () => {
  let redis: RedisTrio;
  let system: Redis;
  useFreshSystemRedis((client, trio) => {
    system = client;
    redis = trio;
  });

  it('locks an account from one address after its failures, and not from another address', async () => {
    const limiter = new LoginRateLimiter(system, limitsWith({ accountPerAddress: window(2) }));
    expect(await limiter.reserve(from('10.0.0.1'), 'ann@example.com')).toEqual({ limited: false });
    expect(await limiter.reserve(from('10.0.0.1'), 'ANN@example.com ')).toEqual({ limited: false });
    const verdict = await limiter.reserve(from('10.0.0.1'), 'ann@example.com');
    expect(verdict).toMatchObject({ limited: true, scope: 'account-address' });
    expect(verdict.limited && verdict.retryAfterSec).toBeGreaterThan(25);
    expect(verdict.limited && verdict.retryAfterSec).toBeLessThanOrEqual(30);
    expect(await limiter.reserve(from('10.0.0.2'), 'ann@example.com')).toEqual({ limited: false });
    expect(await limiter.reserve(from('10.0.0.1'), 'bob@example.com')).toEqual({ limited: false });
  });

  it('limits an address across accounts', async () => {
    const limiter = new LoginRateLimiter(system, limitsWith({ perAddress: window(3) }));
    for (const email of ['a@x.co', 'b@x.co', 'c@x.co']) expect(await limiter.reserve(from('10.0.0.9'), email)).toEqual({ limited: false });
    expect(await limiter.reserve(from('10.0.0.9'), 'd@x.co')).toMatchObject({ limited: true, scope: 'address' });
    expect(await limiter.reserve(from('10.0.0.8'), 'd@x.co')).toEqual({ limited: false });
  });

  it('counts IPv6 clients by their /64', async () => {
    const limiter = new LoginRateLimiter(system, limitsWith({ perAddress: window(2) }));
    await limiter.reserve(from('2001:db8:1:2::1'), 'a@x.co');
    await limiter.reserve(from('2001:db8:1:2:ffff::9'), 'b@x.co');
    expect(await limiter.reserve(from('2001:db8:1:2:abcd::7'), 'c@x.co')).toMatchObject({ limited: true, scope: 'address' });
    expect(await limiter.reserve(from('2001:db8:1:3::1'), 'c@x.co')).toEqual({ limited: false });
  });

  it('limits an account across addresses, except for a known device, which is still counted', async () => {
    const limiter = new LoginRateLimiter(system, limitsWith({ perAccount: window(3) }));
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) expect(await limiter.reserve(from(ip), 'ann@example.com')).toEqual({ limited: false });
    expect(await limiter.reserve(from('10.0.0.4'), 'ann@example.com')).toMatchObject({ limited: true, scope: 'account' });
    expect(await limiter.reserve(from('10.0.0.4', true), 'ann@example.com')).toEqual({ limited: false });
    expect(await system.get(LOGIN_LIMIT_KEYS.perAccount('ann@example.com'))).toBe('4');
  });

  it('lets exactly the limit of parallel attempts through', async () => {
    const limiter = new LoginRateLimiter(system, limitsWith({ accountPerAddress: window(10) }));
    const verdicts = await Promise.all(Array.from({ length: 40 }, () => limiter.reserve(from('10.0.0.1'), 'ann@example.com')));
    expect(verdicts.filter((v) => !v.limited)).toHaveLength(10);
    expect(verdicts.filter((v) => v.limited && v.scope === 'account-address')).toHaveLength(30);
  });

  it('refuses with the longest wait when several limits are spent', async () => {
    const limiter = new LoginRateLimiter(system, limitsWith({ accountPerAddress: window(1, 10), perAccount: window(1, 300) }));
    await limiter.reserve(from('10.0.0.1'), 'ann@example.com');
    const verdict = await limiter.reserve(from('10.0.0.1'), 'ann@example.com');
    expect(verdict).toMatchObject({ limited: true, scope: 'account' });
    expect(verdict.limited && verdict.retryAfterSec).toBeGreaterThan(10);
  });

  it('gives a successful attempt back and forgives the failures of its address on the account, not those of others', async () => {
    const limiter = new LoginRateLimiter(system, limitsWith({ accountPerAddress: window(2) }));
    await limiter.reserve(from('10.0.0.1'), 'ann@example.com');
    await limiter.reserve(from('10.0.0.2'), 'ann@example.com');
    await limiter.reserve(from('10.0.0.1'), 'ann@example.com');
    await limiter.succeeded('10.0.0.1', 'ann@example.com');
    expect(await system.exists(LOGIN_LIMIT_KEYS.accountPerAddress('ann@example.com', '10.0.0.1'))).toBe(0);
    expect(await system.get(LOGIN_LIMIT_KEYS.perAddress('10.0.0.1'))).toBe('1');
    expect(await system.get(LOGIN_LIMIT_KEYS.perAccount('ann@example.com'))).toBe('2');
    expect(await system.get(LOGIN_LIMIT_KEYS.accountPerAddress('ann@example.com', '10.0.0.2'))).toBe('1');
  });

  it('lifts the limit when the window ends', async () => {
    const limiter = new LoginRateLimiter(system, limitsWith({ accountPerAddress: window(1, 1) }));
    await limiter.reserve(from('10.0.0.1'), 'ann@example.com');
    expect(await limiter.reserve(from('10.0.0.1'), 'ann@example.com')).toMatchObject({ limited: true, retryAfterSec: 1 });
    await new Promise((r) => setTimeout(r, 1_200));
    expect(await limiter.reserve(from('10.0.0.1'), 'ann@example.com')).toEqual({ limited: false });
  });

  it('shares its counts between gateway instances through Redis', async () => {
    const limits = limitsWith({ accountPerAddress: window(2) });
    await new LoginRateLimiter(system, limits).reserve(from('10.0.0.1'), 'ann@example.com');
    await new LoginRateLimiter(redis.system.client(), limits).reserve(from('10.0.0.1'), 'ann@example.com');
    expect(await new LoginRateLimiter(redis.system.client(), limits).reserve(from('10.0.0.1'), 'ann@example.com')).toMatchObject({ limited: true });
  });
});
