import { describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { useFreshSystemRedis } from '../testing/fresh-system-redis.js';
import { claimUnique, delIfEquals, hdelIfExists, hsetIfExists } from './guarded-writes.js';

describe('guarded writes', () => {
  let redis: Redis;
  useFreshSystemRedis((client) => (redis = client));

  it('sets and deletes hash fields only while the hash exists, never creating a partial record', async () => {
    expect(await hsetIfExists(redis, 'rec', 'a', '1')).toBe(false);
    expect(await redis.exists('rec')).toBe(0);
    await redis.hset('rec', 'id', 'x');
    expect(await hsetIfExists(redis, 'rec', 'a', '1', 'b', '2')).toBe(true);
    expect(await hdelIfExists(redis, 'rec', 'a')).toBe(true);
    expect(await redis.hgetall('rec')).toEqual({ id: 'x', b: '2' });
    expect(await hdelIfExists(redis, 'gone', 'a')).toBe(false);
  });

  it('deletes a key only while it holds the given value', async () => {
    await redis.set('name', 'mine');
    expect(await delIfEquals(redis, 'name', 'theirs')).toBe(false);
    expect(await redis.get('name')).toBe('mine');
    expect(await delIfEquals(redis, 'name', 'mine')).toBe(true);
    expect(await redis.exists('name')).toBe(0);
  });

  describe(claimUnique.name, () => {
    it('claims a free name and writes; a second claim of the name writes nothing', async () => {
      expect(await claimUnique(redis, 'name:a', 'id1', () => redis.set('rec:id1', 'x').then(() => undefined))).toBe(true);
      expect(await claimUnique(redis, 'name:a', 'id2', () => redis.set('rec:id2', 'x').then(() => undefined))).toBe(false);
      expect(await redis.exists('rec:id2')).toBe(0);
      expect(await redis.get('name:a')).toBe('id1');
    });

    it('undoes the write and gives the name back when the write fails, then rethrows', async () => {
      const failing = async () => {
        await redis.set('rec:id1', 'half');
        throw new Error('write failed');
      };
      await expect(claimUnique(redis, 'name:a', 'id1', failing, () => redis.del('rec:id1'))).rejects.toThrow('write failed');
      expect(await redis.exists('name:a', 'rec:id1')).toBe(0);
      expect(await claimUnique(redis, 'name:a', 'id2', () => Promise.resolve())).toBe(true);
    });

    it('leaves the name alone when someone else holds it by the time a failed write is undone', async () => {
      const failing = async () => {
        await redis.set('name:a', 'other');
        throw new Error('write failed');
      };
      await expect(claimUnique(redis, 'name:a', 'id1', failing)).rejects.toThrow('write failed');
      expect(await redis.get('name:a')).toBe('other');
    });
  });
});
