import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/** System Redis key of the devices that signed in to one account. */
export const KNOWN_DEVICE_KEYS = {
  /** Sorted set: digest of a device id → the time (ms) it stops being known. */
  userDevices: (userId: string) => `user:${userId}:devices`,
} as const;

/** 32 random bytes, base64url without padding, like a session id. */
const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newDeviceId(): string {
  return randomBytes(32).toString('base64url');
}

/** Checked before any Redis read, so a forged cookie cannot become an arbitrary member lookup. */
export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && DEVICE_ID_PATTERN.test(value);
}

export interface KnownDevicesOptions {
  ttlSec: number;
  maxPerUser: number;
  now?: () => number;
}

/**
 * Browsers that signed in to an account before, identified by the random `ms_device` cookie. Only
 * a digest is stored, so reading Redis does not hand out cookies that pass the per-account limit.
 * One browser keeps one id for every account signed in from it.
 */
export class KnownDeviceRepository {
  private readonly now: () => number;

  constructor(
    private readonly redis: Redis,
    private readonly options: KnownDevicesOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async isKnown(userId: string, deviceId: string | undefined): Promise<boolean> {
    if (!isDeviceId(deviceId)) return false;
    const until = await this.redis.zscore(KNOWN_DEVICE_KEYS.userDevices(userId), digest(deviceId));
    return until !== null && Number(until) > this.now();
  }

  /**
   * After a successful sign-in or sign-up: the device is known for another `ttlSec`. Keeps the
   * browser's id when it sent a well-formed one, else mints one; returns the id for the cookie.
   */
  async remember(userId: string, deviceId: string | undefined): Promise<string> {
    const id = isDeviceId(deviceId) ? deviceId : newDeviceId();
    const now = this.now();
    const ttlMs = this.options.ttlSec * 1000;
    const key = KNOWN_DEVICE_KEYS.userDevices(userId);
    await this.redis
      .multi()
      .zadd(key, now + ttlMs, digest(id))
      .zremrangebyscore(key, '-inf', now)
      // Scores are expiry times, so the lowest ranks are the least recently used devices.
      .zremrangebyrank(key, 0, -this.options.maxPerUser - 1)
      .pexpire(key, ttlMs)
      .exec();
    return id;
  }
}

function digest(deviceId: string): string {
  return createHash('sha256').update(deviceId).digest('base64url');
}
