import { describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { useFreshSystemRedis } from '../testing/fresh-system-redis.js';
import { releaseAttempt, reserveAttempt } from './attempt-counters.js';

describe(reserveAttempt.name, () => {
  let system: Redis;
  useFreshSystemRedis((client) => {
    system = client;
  });

  it('counts on every counter only when none is spent', async () => {
    const counters = [
      { key: '{t}:a', limit: 1, windowSec: 60 },
      { key: '{t}:b', limit: 5, windowSec: 60 },
    ];
    expect(await reserveAttempt(system, counters)).toEqual({ reserved: true });
    expect(await reserveAttempt(system, counters)).toMatchObject({ reserved: false, refusedBy: 0 });
    expect(await system.mget('{t}:a', '{t}:b')).toEqual(['1', '1']);
  });

  it('starts a window with the first attempt and answers the seconds left in it', async () => {
    await reserveAttempt(system, [{ key: '{t}:w', limit: 1, windowSec: 60 }]);
    expect(await system.pttl('{t}:w')).toBeGreaterThan(59_000);
    const refused = await reserveAttempt(system, [{ key: '{t}:w', limit: 1, windowSec: 60 }]);
    expect(refused).toEqual({ reserved: false, refusedBy: 0, retryAfterSec: 60 });
  });

  it('counts without refusing on a counter that is not enforced', async () => {
    await system.set('{t}:soft', '9', 'EX', 60);
    expect(await reserveAttempt(system, [{ key: '{t}:soft', limit: 1, windowSec: 60, enforce: false }])).toEqual({ reserved: true });
    expect(await system.get('{t}:soft')).toBe('10');
  });

  it('gives a counter found without an expiry one, so it cannot lock forever', async () => {
    await system.set('{t}:stuck', '3');
    expect(await reserveAttempt(system, [{ key: '{t}:stuck', limit: 3, windowSec: 60 }])).toMatchObject({ reserved: false, retryAfterSec: 60 });
    expect(await system.pttl('{t}:stuck')).toBeGreaterThan(59_000);
  });
});

describe(releaseAttempt.name, () => {
  let system: Redis;
  useFreshSystemRedis((client) => {
    system = client;
  });

  it('takes one back and keeps the window', async () => {
    await reserveAttempt(system, [{ key: '{t}:r', limit: 5, windowSec: 60 }]);
    await reserveAttempt(system, [{ key: '{t}:r', limit: 5, windowSec: 60 }]);
    await releaseAttempt(system, ['{t}:r']);
    expect(await system.get('{t}:r')).toBe('1');
    expect(await system.pttl('{t}:r')).toBeGreaterThan(0);
  });

  it('leaves a counter that has expired in the meantime gone, instead of recreating it without expiry', async () => {
    await releaseAttempt(system, ['{t}:gone']);
    expect(await system.exists('{t}:gone')).toBe(0);
  });
});
