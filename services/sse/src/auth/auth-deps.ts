import type { Redis } from 'ioredis';
import { DEFAULT_LOGIN_LIMITS, LoginRateLimiter, SessionStore, UserStore, type LoginLimits } from '@marketswarm/shared/auth';

/** What the auth and profile routers and the session middleware share: repositories over system Redis. */
export interface AuthDeps {
  redis: Redis;
  users: UserStore;
  sessions: SessionStore;
  limiter: LoginRateLimiter;
  /** Idle lifetime of a session, also the cookies' Max-Age. */
  sessionTtlSec: number;
  /** Slide a session's expiry at most this often (seconds). */
  renewAfterSec: number;
}

export interface AuthOptions {
  sessionTtlSec: number;
  renewAfterSec?: number;
  loginLimits?: LoginLimits;
}

export function createAuthDeps(redis: Redis, options: AuthOptions): AuthDeps {
  const renewAfterSec = options.renewAfterSec ?? 60;
  return {
    redis,
    users: new UserStore(redis),
    sessions: new SessionStore(redis, { ttlSec: options.sessionTtlSec, renewAfterSec }),
    limiter: new LoginRateLimiter(redis, options.loginLimits ?? DEFAULT_LOGIN_LIMITS),
    sessionTtlSec: options.sessionTtlSec,
    renewAfterSec,
  };
}
