import { describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { useFreshSystemRedis } from '../testing/fresh-system-redis.js';
import { isDeviceId, KNOWN_DEVICE_KEYS, KnownDeviceRepository } from './known-device.repository.js';

describe(KnownDeviceRepository.name, () => {
  let system: Redis;
  useFreshSystemRedis((client) => {
    system = client;
  });

  it('mints an id for a browser without one and knows it for that account only', async () => {
    const devices = new KnownDeviceRepository(system, { ttlSec: 3600, maxPerUser: 5 });
    const id = await devices.remember('u_ann', undefined);
    expect(isDeviceId(id)).toBe(true);
    expect(await devices.isKnown('u_ann', id)).toBe(true);
    expect(await devices.isKnown('u_bob', id)).toBe(false);
    expect(await devices.isKnown('u_ann', undefined)).toBe(false);
  });

  it('keeps the id a browser already holds, so one browser is known for each account it signed in to', async () => {
    const devices = new KnownDeviceRepository(system, { ttlSec: 3600, maxPerUser: 5 });
    const id = await devices.remember('u_ann', undefined);
    expect(await devices.remember('u_bob', id)).toBe(id);
    expect(await devices.isKnown('u_ann', id)).toBe(true);
    expect(await devices.isKnown('u_bob', id)).toBe(true);
  });

  it('replaces a malformed id and never looks one up', async () => {
    const devices = new KnownDeviceRepository(system, { ttlSec: 3600, maxPerUser: 5 });
    expect(await devices.remember('u_ann', 'not-a-device-id')).not.toBe('not-a-device-id');
    expect(await devices.isKnown('u_ann', 'not-a-device-id')).toBe(false);
  });

  it('stores a digest, not the cookie value', async () => {
    const devices = new KnownDeviceRepository(system, { ttlSec: 3600, maxPerUser: 5 });
    const id = await devices.remember('u_ann', undefined);
    expect(await system.zrange(KNOWN_DEVICE_KEYS.userDevices('u_ann'), 0, -1)).not.toContain(id);
  });

  it('forgets a device once its time is up', async () => {
    let now = 1_000_000;
    const devices = new KnownDeviceRepository(system, { ttlSec: 60, maxPerUser: 5, now: () => now });
    const id = await devices.remember('u_ann', undefined);
    now += 59_000;
    expect(await devices.isKnown('u_ann', id)).toBe(true);
    now += 2_000;
    expect(await devices.isKnown('u_ann', id)).toBe(false);
  });

  it('keeps the most recently used devices up to its cap', async () => {
    let now = 1_000_000;
    const devices = new KnownDeviceRepository(system, { ttlSec: 3600, maxPerUser: 2, now: () => now });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await devices.remember('u_ann', undefined));
      now += 1_000;
    }
    expect(await Promise.all(ids.map((id) => devices.isKnown('u_ann', id)))).toEqual([false, true, true]);
  });
});
