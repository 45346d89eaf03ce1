import { describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { useFreshSystemRedis } from '../testing/fresh-system-redis.js';
import { authenticate } from './authenticate.js';
import { SESSION_KEYS, SessionRepository } from './session.repository.js';
import { USER_KEYS, UserRepository } from './user.repository.js';

describe(authenticate.name, () => {
  let system: Redis;
  useFreshSystemRedis((client) => (system = client));

  async function signedIn(role: 'trader' | 'admin' = 'trader') {
    const user = await new UserRepository(system).create({ email: `${role}@example.com`, passwordHash: 'h', role });
    const session = await new SessionRepository(system, { ttlSec: 600 }).create(user, 'csrf');
    return { user, session, cookie: `theme=dark; ms_session=${session.id}; ms_csrf=csrf` };
  }

  it('returns the user (without the hash) and the session for a live session cookie', async () => {
    const { user, session, cookie } = await signedIn();
    const auth = await authenticate(cookie, system, { ttlSec: 600 });
    expect(auth).toEqual({
      user: { id: user.id, email: user.email, role: 'trader', displayName: user.displayName, timezone: user.timezone, preferences: {}, createdAt: user.createdAt },
      session,
      renewed: false,
    });
  });

  it('returns null without a cookie, with a malformed id, or with an unknown one', async () => {
    await signedIn();
    expect(await authenticate(undefined, system, { ttlSec: 600 })).toBeNull();
    expect(await authenticate('ms_csrf=x', system, { ttlSec: 600 })).toBeNull();
    expect(await authenticate('ms_session=user:u_1', system, { ttlSec: 600 })).toBeNull();
    expect(await authenticate(`ms_session=${'B'.repeat(43)}`, system, { ttlSec: 600 })).toBeNull();
  });

  it("uses the user's current role, not the one the session was created with", async () => {
    const { user, cookie } = await signedIn('trader');
    await system.hset(USER_KEYS.user(user.id), 'role', 'admin');
    expect((await authenticate(cookie, system, { ttlSec: 600 }))?.user.role).toBe('admin');
  });

  it('slides the expiry once the renewal interval passed', async () => {
    const { session, cookie } = await signedIn();
    await system.expire(SESSION_KEYS.session(session.id), 50);
    const later = session.lastSeenAt + 61_000;
    const auth = await authenticate(cookie, system, { ttlSec: 600, now: () => later });
    expect(auth?.renewed).toBe(true);
    expect(auth?.session.lastSeenAt).toBe(later);
    expect(await system.ttl(SESSION_KEYS.session(session.id))).toBeGreaterThan(595);
  });

  it('returns null and ends the session when the account was deleted', async () => {
    const { user, session, cookie } = await signedIn();
    await system.del(USER_KEYS.user(user.id));
    expect(await authenticate(cookie, system, { ttlSec: 600 })).toBeNull();
    expect(await system.exists(SESSION_KEYS.session(session.id))).toBe(0);
  });
});
