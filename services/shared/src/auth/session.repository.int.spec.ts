import { describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { useFreshSystemRedis } from '../testing/fresh-system-redis.js';
import { isSessionId, SESSION_KEYS, SessionRepository, type Session } from './session.repository.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alice = { id: 'u_alice', role: 'trader' as const };

describe(SessionRepository.name, () => {
  let system: Redis;
  useFreshSystemRedis((client) => (system = client));

  it('creates a session under a random 32-byte base64url id with its ttl and indexes it by user', async () => {
    const store = new SessionRepository(system, { ttlSec: 600, now: () => 1_000 });
    const session = await store.create(alice, 'csrf-1');
    expect(isSessionId(session.id)).toBe(true);
    expect(session).toEqual({ id: session.id, userId: 'u_alice', role: 'trader', csrf: 'csrf-1', createdAt: 1_000, lastSeenAt: 1_000 });
    expect(JSON.parse((await system.get(SESSION_KEYS.session(session.id)))!)).toEqual({ userId: 'u_alice', role: 'trader', csrf: 'csrf-1', createdAt: 1_000, lastSeenAt: 1_000 });
    expect(await system.ttl(SESSION_KEYS.session(session.id))).toBeGreaterThan(595);
    expect(await store.get(session.id)).toEqual(session);
    expect(await store.listForUser('u_alice')).toEqual([session.id]);
    expect((await store.create(alice, 'csrf-2')).id).not.toBe(session.id);
  });

  it('does not read Redis for a malformed id and ignores a corrupt record', async () => {
    const store = new SessionRepository(system, { ttlSec: 600 });
    expect(await store.get('../../user:u_alice')).toBeNull();
    const id = 'A'.repeat(43);
    await system.set(SESSION_KEYS.session(id), '{"userId":');
    expect(await store.get(id)).toBeNull();
  });

  it('is gone once its ttl passes without use', async () => {
    const store = new SessionRepository(system, { ttlSec: 1 });
    const session = await store.create(alice, 'c');
    expect(await store.get(session.id)).not.toBeNull();
    await sleep(1_300);
    expect(await store.get(session.id)).toBeNull();
  });

  it('slides the expiry on use, at most once per renewal interval', async () => {
    let now = 1_000_000;
    const store = new SessionRepository(system, { ttlSec: 600, renewAfterSec: 60, now: () => now });
    const session = await store.create(alice, 'c');
    await system.expire(SESSION_KEYS.session(session.id), 100);

    now += 30_000;
    const early = await store.touch(session);
    expect(early.renewed).toBe(false);
    expect(await system.ttl(SESSION_KEYS.session(session.id))).toBeLessThanOrEqual(100);

    now += 31_000;
    const late = await store.touch(session);
    expect(late).toEqual({ renewed: true, session: { ...session, lastSeenAt: now } });
    expect(await system.ttl(SESSION_KEYS.session(session.id))).toBeGreaterThan(595);
    expect(await store.get(session.id)).toEqual(late.session);
  });

  it('keeps a session in use alive past its ttl (real clock)', async () => {
    const store = new SessionRepository(system, { ttlSec: 2, renewAfterSec: 0 });
    const session = await store.create(alice, 'c');
    await sleep(1_300);
    expect((await store.touch(session)).renewed).toBe(true);
    await sleep(1_300);
    expect(await store.get(session.id)).not.toBeNull();
  });

  it('never brings a deleted session back when touched', async () => {
    let now = 0;
    const store = new SessionRepository(system, { ttlSec: 600, now: () => now });
    const session = await store.create(alice, 'c');
    expect(await store.delete(session.id)).toBe(true);
    now += 120_000;
    expect(await store.touch(session)).toEqual({ session, renewed: false });
    expect(await system.exists(SESSION_KEYS.session(session.id))).toBe(0);
  });

  it('deletes one session and removes it from the user index', async () => {
    const store = new SessionRepository(system, { ttlSec: 600 });
    const a = await store.create(alice, 'c');
    const b = await store.create(alice, 'c');
    expect(await store.delete(a.id)).toBe(true);
    expect(await store.delete(a.id)).toBe(false);
    expect(await store.get(a.id)).toBeNull();
    expect(await system.smembers(SESSION_KEYS.userSessions('u_alice'))).toEqual([b.id]);
  });

  it("ends all of a user's sessions and nobody else's", async () => {
    const store = new SessionRepository(system, { ttlSec: 600 });
    const mine = [await store.create(alice, 'c'), await store.create(alice, 'c'), await store.create(alice, 'c')];
    const bobs = await store.create({ id: 'u_bob', role: 'admin' }, 'c');
    expect(await store.deleteAllForUser('u_alice')).toBe(3);
    for (const s of mine) expect(await store.get(s.id)).toBeNull();
    expect(await store.get(bobs.id)).not.toBeNull();
    expect(await system.exists(SESSION_KEYS.userSessions('u_alice'))).toBe(0);
    expect(await store.deleteAllForUser('u_alice')).toBe(0);
  });

  it('keeps the index entry of a login that lands while all sessions are being ended', async () => {
    const store = new SessionRepository(system, { ttlSec: 600 });
    const old = await store.create(alice, 'c');
    let concurrent: Session | undefined;
    // The real client, except that a second login completes just before the first session is deleted.
    const racing = new Proxy(system, {
      get(target, prop, receiver) {
        if (prop !== 'del' || concurrent) return Reflect.get(target, prop, receiver) as unknown;
        return async (...args: [string]) => {
          concurrent = await new SessionRepository(system, { ttlSec: 600 }).create(alice, 'c');
          return target.del(...args);
        };
      },
    });
    expect(await new SessionRepository(racing, { ttlSec: 600 }).deleteAllForUser('u_alice')).toBe(1);
    expect(await store.get(old.id)).toBeNull();
    expect(await store.listForUser('u_alice')).toEqual([concurrent?.id]);
    expect(await store.deleteAllForUser('u_alice')).toBe(1);
  });

  it('drops expired ids from the user index when a new session is created', async () => {
    const store = new SessionRepository(system, { ttlSec: 600 });
    const old = await store.create(alice, 'c');
    await system.del(SESSION_KEYS.session(old.id));
    const fresh = await store.create(alice, 'c');
    expect(await system.smembers(SESSION_KEYS.userSessions('u_alice'))).toEqual([fresh.id]);
  });

  it('refuses a ttl that is not a whole number of seconds', () => {
    expect(() => new SessionRepository(system, { ttlSec: 0 })).toThrow('session ttl must be a whole number of seconds ≥ 1 (got 0)');
    expect(() => new SessionRepository(system, { ttlSec: 1.5 })).toThrow('got 1.5');
  });
});
