import { describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { useFreshSystemRedis } from '../testing/fresh-system-redis.js';
import type { RedisTrio } from '../testing/test-stack.js';
import { DuplicateEmailError, toUserDto, USER_KEYS, UserRepository } from './user.repository.js';

describe(UserRepository.name, () => {
  let redis: RedisTrio;
  let system: Redis;
  let store: UserRepository;
  useFreshSystemRedis((client, trio) => {
    system = client;
    redis = trio;
    store = new UserRepository(system, () => Date.parse('2026-11-22T15:00:00.000Z'));
  });

  it('creates a user with defaults, indexed by id and lower-cased email', async () => {
    const user = await store.create({ email: 'Ann@Example.com', passwordHash: 'h', role: 'trader' });
    expect(user).toEqual({
      id: expect.stringMatching(/^u_[A-Za-z0-9_-]{16}$/) as unknown,
      email: 'ann@example.com',
      role: 'trader',
      passwordHash: 'h',
      displayName: 'ann',
      timezone: 'America/New_York',
      preferences: {},
      createdAt: '2026-11-22T15:00:00.000Z',
    });
    expect(await system.get(USER_KEYS.email('ann@example.com'))).toBe(user.id);
    expect(await system.sismember(USER_KEYS.index, user.id)).toBe(1);
    expect(await store.findById(user.id)).toEqual(user);
    expect(await store.findByEmail(' ANN@example.com')).toEqual(user);
  });

  it('finds nobody for an unknown id or email', async () => {
    expect(await store.findById('u_missing')).toBeNull();
    expect(await store.findByEmail('ghost@example.com')).toBeNull();
  });

  it('refuses a second account for the same email in any case', async () => {
    await store.create({ email: 'dup@example.com', passwordHash: 'h', role: 'trader' });
    await expect(store.create({ email: 'DUP@example.com', passwordHash: 'h2', role: 'admin' })).rejects.toThrow(
      new DuplicateEmailError('dup@example.com'),
    );
    expect(await store.list()).toHaveLength(1);
  });

  it('lets exactly one of many concurrent registrations of one email win', async () => {
    const racers = Array.from({ length: 8 }, (_, i) => new UserRepository(redis.system.client()).create({ email: 'race@example.com', passwordHash: `h${i}`, role: 'trader' }));
    const results = await Promise.allSettled(racers);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(7);
    for (const r of lost) expect(r.reason).toBeInstanceOf(DuplicateEmailError);
    const winner = (won[0] as PromiseFulfilledResult<{ id: string }>).value;
    expect(await system.get(USER_KEYS.email('race@example.com'))).toBe(winner.id);
    expect(await system.smembers(USER_KEYS.index)).toEqual([winner.id]);
  });

  it('updates only the named profile fields, and not a user that does not exist', async () => {
    const user = await store.create({ email: 'pat@example.com', passwordHash: 'h', role: 'trader' });
    const updated = await store.update(user.id, { timezone: 'Europe/London', preferences: { theme: 'dark' } });
    expect(updated).toEqual({ ...user, timezone: 'Europe/London', preferences: { theme: 'dark' } });
    expect(await store.findById(user.id)).toEqual(updated);
    expect(await store.update('u_missing', { displayName: 'Ghost' })).toBeNull();
    expect(await system.exists(USER_KEYS.user('u_missing'))).toBe(0);
  });

  it('lists every account oldest first from the users index', async () => {
    let now = 1_000;
    const clocked = new UserRepository(system, () => now);
    const b = await clocked.create({ email: 'b@example.com', passwordHash: 'h', role: 'trader' });
    now = 2_000;
    const a = await clocked.create({ email: 'a@example.com', passwordHash: 'h', role: 'admin' });
    expect((await store.list()).map((u) => [u.email, u.role])).toEqual([
      [b.email, 'trader'],
      [a.email, 'admin'],
    ]);
  });

  it('turns a stored user into a DTO without the password hash', async () => {
    const user = await store.create({ email: 'dto@example.com', passwordHash: '$argon2id$secret', role: 'trader' });
    const dto = toUserDto(user);
    expect(dto).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(dto)).not.toContain('secret');
  });
});
