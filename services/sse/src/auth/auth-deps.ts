import type { Redis } from 'ioredis';
import { DEFAULT_RENEW_AFTER_SEC, KnownDeviceRepository, LoginRateLimiter, resolveAuthLimits, SessionRepository, SignUpRateLimiter, UserRepository, type AuthLimits } from '@marketswarm/shared/auth';

/** What the auth and profile routers and the session middleware share: repositories over system Redis. */
export interface AuthDeps {
  redis: Redis;
  users: UserRepository;
  sessions: SessionRepository;
  limiter: LoginRateLimiter;
  signUpLimiter: SignUpRateLimiter;
  devices: KnownDeviceRepository;
  limits: AuthLimits;
  /** Idle lifetime of a session, also the cookies' Max-Age. */
  sessionTtlSec: number;
  /** Slide a session's expiry at most this often (seconds). */
  renewAfterSec: number;
}

export interface AuthOptions {
  sessionTtlSec: number;
  /** Default `DEFAULT_RENEW_AFTER_SEC`, the session store's own. */
  renewAfterSec?: number;
  /** Laid over `DEFAULT_AUTH_LIMITS`. */
  limits?: Partial<AuthLimits>;
}

export function createAuthDeps(redis: Redis, options: AuthOptions): AuthDeps {
  const renewAfterSec = options.renewAfterSec ?? DEFAULT_RENEW_AFTER_SEC;
  const limits = resolveAuthLimits(options.limits);
  return {
    redis,
    users: new UserRepository(redis),
    sessions: new SessionRepository(redis, { ttlSec: options.sessionTtlSec, renewAfterSec }),
    limiter: new LoginRateLimiter(redis, limits),
    signUpLimiter: new SignUpRateLimiter(redis, limits),
    devices: new KnownDeviceRepository(redis, { ttlSec: limits.knownDeviceTtlSec, maxPerUser: limits.knownDevicesPerAccount }),
    limits,
    sessionTtlSec: options.sessionTtlSec,
    renewAfterSec,
  };
}
