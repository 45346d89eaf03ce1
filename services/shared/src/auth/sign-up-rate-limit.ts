import type { Redis } from 'ioredis';
import { DEFAULT_AUTH_LIMITS, type AuthLimits } from './auth-limits.js';
import { reserveAttempt } from './attempt-counters.js';
import { limitAddress } from './client-address.js';

/** System Redis key of the sign-up counter (same hash tag as the sign-in counters). */
export const SIGN_UP_LIMIT_KEYS = {
  perAddress: (address: string) => `{auth-limit}:signup:address:${limitAddress(address)}`,
} as const;

export type SignUpVerdict = { limited: false } | { limited: true; retryAfterSec: number };

/**
 * Sign-ups per client address, in system Redis. Every attempt with a valid body counts — also one
 * refused because the email is taken, so the route cannot be used to test many emails — and is
 * reserved before the password is hashed, so parallel requests cannot all pass. Browsers on the
 * gateway's own machine are no exception (behind nginx each is 127.0.0.1). Operators and test
 * suites create accounts with `./admin user add` (or the same UserRepository), which no limit applies to.
 */
export class SignUpRateLimiter {
  constructor(
    private readonly redis: Redis,
    readonly limits: AuthLimits = DEFAULT_AUTH_LIMITS,
  ) {}

  async reserve(ip: string): Promise<SignUpVerdict> {
    const reservation = await reserveAttempt(this.redis, [{ key: SIGN_UP_LIMIT_KEYS.perAddress(ip), ...this.limits.signUpsPerAddress }]);
    return reservation.reserved ? { limited: false } : { limited: true, retryAfterSec: reservation.retryAfterSec };
  }
}
