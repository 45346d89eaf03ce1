import type { Redis } from 'ioredis';
import { RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';

export interface LoginLimits {
  /** Failed sign-ins allowed per account (email) in one window. */
  accountFailures: number;
  /** Failed sign-ins allowed per client IP in one window. */
  ipFailures: number;
  windowSec: number;
}

/** 10 failures per account and 50 per IP in 15 minutes. */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { accountFailures: 10, ipFailures: 50, windowSec: 15 * 60 };

export type LoginLimitVerdict = { limited: false } | { limited: true; scope: 'account' | 'ip'; retryAfterSec: number };

/**
 * Brute-force protection for sign-in, counted in system Redis so every gateway instance shares
 * it. Failures are counted in a fixed window per account and per IP; once either is spent,
 * sign-in is refused (even with the right password) until the window ends. A success clears the
 * account's count.
 */
export class LoginRateLimiter {
  private readonly byAccount: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(
    redis: Redis,
    readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {
    const common = { storeClient: redis, duration: limits.windowSec };
    this.byAccount = new RateLimiterRedis({ ...common, keyPrefix: 'login:fail:account', points: limits.accountFailures });
    this.byIp = new RateLimiterRedis({ ...common, keyPrefix: 'login:fail:ip', points: limits.ipFailures });
  }

  /** Run before verifying a password. */
  async check(ip: string, email: string): Promise<LoginLimitVerdict> {
    const [account, client] = await Promise.all([this.byAccount.get(accountKey(email)), this.byIp.get(ip)]);
    if (spent(account, this.limits.accountFailures)) return { limited: true, scope: 'account', retryAfterSec: retryAfter(account) };
    if (spent(client, this.limits.ipFailures)) return { limited: true, scope: 'ip', retryAfterSec: retryAfter(client) };
    return { limited: false };
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    await Promise.all([this.byAccount.penalty(accountKey(email), 1), this.byIp.penalty(ip, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(accountKey(email));
  }
}

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

function spent(res: RateLimiterRes | null, points: number): res is RateLimiterRes {
  return res !== null && res.consumedPoints >= points;
}

function retryAfter(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}
