import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServerHandle } from '../../testing/redis-server.js';
import { ApiKeyRateLimiter } from './api-key-rate-limit.js';
import { API_KEY_KEYS, ApiKeyRepository, DuplicateApiKeyNameError } from './api-key.repository.js';
import { apiKeySecretMatches, parseApiKey } from './api-key-token.js';

describe(ApiKeyRepository.name, () => {
  let server: RedisServerHandle;
  let redis: Redis;
  let keys: ApiKeyRepository;

  beforeAll(async () => {
    server = await startRedisServer();
    redis = server.client();
    keys = new ApiKeyRepository(redis);
  });
  beforeEach(async () => {
    await redis.flushall();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('stores a key hashed: the token verifies against the record, and no stored field holds the secret', async () => {
    const { key, token } = await keys.create({ name: 'desk-feed', topics: ['vexy', 'intel'] });
    const parsed = parseApiKey(token)!;
    expect(parsed.id).toBe(key.id);
    const stored = await keys.findById(key.id);
    expect(stored).toMatchObject({ id: key.id, name: 'desk-feed', topics: ['vexy', 'intel'] });
    expect(apiKeySecretMatches(parsed.secret, stored!.secretHash)).toBe(true);
    const raw = await redis.hgetall(API_KEY_KEYS.key(key.id));
    expect(Object.values(raw).some((v) => v.includes(parsed.secret))).toBe(false);
    expect(key).not.toHaveProperty('secretHash');
  });

  it('refuses a second active key of one name, and frees the name when the key is revoked', async () => {
    const first = await keys.create({ name: 'feed', topics: ['vexy'] });
    await expect(keys.create({ name: 'feed', topics: ['intel'] })).rejects.toBeInstanceOf(DuplicateApiKeyNameError);
    const revoked = await keys.revoke(first.key.id);
    expect(revoked?.alreadyRevoked).toBe(false);
    expect(revoked?.key.revokedAt).toMatch(/^\d{4}-/);
    expect(await keys.findActiveByName('feed')).toBeNull();
    const second = await keys.create({ name: 'feed', topics: ['intel'] });
    expect((await keys.findActiveByName('feed'))?.id).toBe(second.key.id);
    const listed = await keys.list();
    expect(listed.map((k) => k.name)).toEqual(['feed', 'feed']);
    expect(listed.map((k) => k.revokedAt !== undefined).sort()).toEqual([false, true]);
  });

  it('keeps the first revocation time and says when a key was already revoked; null for no such key', async () => {
    const { key } = await keys.create({ name: 'once', topics: ['vexy'] });
    const first = await keys.revoke(key.id);
    const again = await keys.revoke(key.id);
    expect(again).toMatchObject({ alreadyRevoked: true, key: { revokedAt: first?.key.revokedAt } });
    expect(await keys.revoke('0000000000000000')).toBeNull();
  });

  it('records the last use, and keeps the user a key is bound to', async () => {
    const { key } = await keys.create({ name: 'broker', topics: ['trades'], user: 'u_abc' });
    expect((await keys.findById(key.id))?.lastUsedAt).toBeUndefined();
    await keys.touch(key.id);
    expect(await keys.findById(key.id)).toMatchObject({ user: 'u_abc', lastUsedAt: expect.stringMatching(/^\d{4}-/) as string });
    await keys.touch('0000000000000000');
    expect(await redis.exists(API_KEY_KEYS.key('0000000000000000'))).toBe(0);
  });
});

describe(ApiKeyRateLimiter.name, () => {
  let server: RedisServerHandle;
  let limiter: ApiKeyRateLimiter;

  beforeAll(async () => {
    server = await startRedisServer();
    limiter = new ApiKeyRateLimiter(server.client());
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lets a burst through, then refuses with the seconds until enough tokens are back', async () => {
    const limit = { ratePerSec: 0.5, burst: 3 };
    expect(await limiter.take('aaaaaaaaaaaaaaaa', 2, limit)).toEqual({ allowed: true, remaining: 1 });
    expect(await limiter.take('aaaaaaaaaaaaaaaa', 1, limit)).toEqual({ allowed: true, remaining: 0 });
    // One token is missing at half a token per second: two seconds.
    expect(await limiter.take('aaaaaaaaaaaaaaaa', 1, limit)).toEqual({ allowed: false, retryAfterSec: 2 });
    expect(await limiter.take('bbbbbbbbbbbbbbbb', 3, limit)).toEqual({ allowed: true, remaining: 0 });
  });

  it('refuses a batch whole rather than taking part of it', async () => {
    const limit = { ratePerSec: 0.001, burst: 5 };
    expect(await limiter.take('cccccccccccccccc', 4, limit)).toMatchObject({ allowed: true });
    expect(await limiter.take('cccccccccccccccc', 2, limit)).toMatchObject({ allowed: false });
    expect(await limiter.take('cccccccccccccccc', 1, limit)).toMatchObject({ allowed: true, remaining: 0 });
  });
});
