import type { Redis } from 'ioredis';

/** One fixed-window counter in a reservation. */
export interface AttemptCounter {
  key: string;
  limit: number;
  windowSec: number;
  /** False counts the attempt without refusing on this counter (e.g. a known device on the per-account count). */
  enforce?: boolean;
}

export type Reservation = { reserved: true } | { reserved: false; refusedBy: number; retryAfterSec: number };

/**
 * Checks every enforced counter and, only when none is spent, adds one to all of them — in one
 * script, so parallel attempts cannot all read "under the limit" before any of them is counted.
 * A refusal names the spent counter with the longest wait, so Retry-After is never too short.
 * A counter found without an expiry (never written so by this script) gets one, so it cannot lock forever.
 * KEYS: counters; ARGV: per counter its limit (0 = count only) and window in ms.
 */
const RESERVE = `
local refusedBy, wait = 0, -1
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[2 * i - 1])
  if limit > 0 and (tonumber(redis.call('GET', key)) or 0) >= limit then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then
      ttl = tonumber(ARGV[2 * i])
      redis.call('PEXPIRE', key, ttl)
    end
    if ttl > wait then refusedBy, wait = i, ttl end
  end
end
if refusedBy > 0 then return {refusedBy, wait} end
for i, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 or redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, ARGV[2 * i]) end
end
return {0, 0}`;

/** Takes one back from each counter that still holds some; an expired counter is left alone (a DECR would recreate it without expiry). */
const RELEASE = `
for _, key in ipairs(KEYS) do
  if (tonumber(redis.call('GET', key)) or 0) > 0 then redis.call('DECR', key) end
end
return 0`;

/**
 * Reserves one attempt on every counter, or none when an enforced one is spent. The keys must
 * share a Redis Cluster hash slot (one `{tag}`), as a script may only touch one slot.
 */
export async function reserveAttempt(redis: Redis, counters: readonly AttemptCounter[]): Promise<Reservation> {
  const args = counters.flatMap((c) => [c.enforce === false ? 0 : c.limit, c.windowSec * 1000]);
  const answer = (await redis.eval(RESERVE, counters.length, ...counters.map((c) => c.key), ...args)) as [number, number];
  const [refusedBy, waitMs] = answer;
  if (refusedBy === 0) return { reserved: true };
  return { reserved: false, refusedBy: refusedBy - 1, retryAfterSec: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** Gives back an attempt that `reserveAttempt` took on these keys. */
export async function releaseAttempt(redis: Redis, keys: readonly string[]): Promise<void> {
  await redis.eval(RELEASE, keys.length, ...keys);
}
