import type { Redis } from 'ioredis';

// Each script touches one key, so it runs unchanged on a Redis Cluster.
const HSET_IF_EXISTS = `if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], unpack(ARGV)) return 1 end return 0`;
const HDEL_IF_EXISTS = `if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HDEL', KEYS[1], unpack(ARGV)) return 1 end return 0`;
const DEL_IF_EQUALS = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** HSET only while the hash exists, so updating a deleted record cannot leave a partial one; true when it existed. */
export async function hsetIfExists(redis: Redis, key: string, ...fieldsAndValues: string[]): Promise<boolean> {
  return (await redis.eval(HSET_IF_EXISTS, 1, key, ...fieldsAndValues)) === 1;
}

/** HDEL only while the hash exists (same reason as hsetIfExists); true when it existed. */
export async function hdelIfExists(redis: Redis, key: string, ...fields: string[]): Promise<boolean> {
  return (await redis.eval(HDEL_IF_EXISTS, 1, key, ...fields)) === 1;
}

/** Deletes a key only while it still holds `value`, so a claim someone else has taken since is left alone. */
export async function delIfEquals(redis: Redis, key: string, value: string): Promise<boolean> {
  return (await redis.eval(DEL_IF_EQUALS, 1, key, value)) === 1;
}

/**
 * Claims a unique name (`key` → `owner`, SET NX), then runs `write`. If the write fails, `undo`
 * runs and the name is given back (only while it is still ours), or it would stay taken by a record
 * that does not exist; the error is rethrown. Separate commands, not one MULTI: the claim and the
 * records live in different Redis Cluster slots, and the claim alone is what makes the name unique.
 * Resolves false, writing nothing, when the name is already taken.
 */
export async function claimUnique(redis: Redis, key: string, owner: string, write: () => Promise<void>, undo: () => Promise<unknown> = () => Promise.resolve()): Promise<boolean> {
  if ((await redis.set(key, owner, 'NX')) !== 'OK') return false;
  try {
    await write();
  } catch (error) {
    await undo().catch(() => undefined);
    await delIfEquals(redis, key, owner).catch(() => undefined);
    throw error;
  }
  return true;
}
