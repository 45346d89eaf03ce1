import type { Redis } from 'ioredis';
import { DEFAULT_AUTH_LIMITS, type AuthLimits } from './auth-limits.js';
import { releaseAttempt, reserveAttempt, type AttemptCounter } from './attempt-counters.js';
import { limitAddress } from './client-address.js';

/**
 * System Redis keys of the sign-in counters. They share the `{auth-limit}` hash tag so one
 * reservation can touch all of them atomically, also on Redis Cluster.
 */
export const LOGIN_LIMIT_KEYS = {
  accountPerAddress: (email: string, address: string) => `{auth-limit}:login:account-address:${accountOf(email)}:${limitAddress(address)}`,
  perAddress: (address: string) => `{auth-limit}:login:address:${limitAddress(address)}`,
  perAccount: (email: string) => `{auth-limit}:login:account:${accountOf(email)}`,
} as const;

/** Which limit refused: the account from this address, this address across accounts, or the account from everywhere. */
export type LoginLimitScope = 'account-address' | 'address' | 'account';

export interface LoginClient {
  ip: string;
  /** The browser presented a device cookie that signed in to this account before. */
  knownDevice: boolean;
}

export type LoginVerdict = { limited: false } | { limited: true; scope: LoginLimitScope; retryAfterSec: number };

/**
 * Brute-force protection for sign-in, counted in system Redis so every gateway instance shares it.
 * Each attempt is reserved as a failure *before* the password is verified, atomically across its
 * counters, so parallel guesses cannot all pass a check that none of them has been counted in yet;
 * a correct password gives the reservation back. Three fixed windows:
 * - per account and address — the fast lock; guessing from one address locks only that address
 *   out of the account, never the owner elsewhere;
 * - per address across accounts — password spraying;
 * - per account from everywhere — slow, for guessing spread over many addresses; a known device
 *   is still counted but never refused by it, so this lock cannot keep the owner out.
 */
export class LoginRateLimiter {
  constructor(
    private readonly redis: Redis,
    readonly limits: AuthLimits = DEFAULT_AUTH_LIMITS,
  ) {}

  /** Run before verifying a password; unless refused, the attempt counts as failed until `succeeded`. */
  async reserve(client: LoginClient, email: string): Promise<LoginVerdict> {
    const { accountPerAddress, perAddress, perAccount } = this.limits;
    const counters: (AttemptCounter & { scope: LoginLimitScope })[] = [
      { scope: 'account-address', key: LOGIN_LIMIT_KEYS.accountPerAddress(email, client.ip), ...accountPerAddress },
      { scope: 'address', key: LOGIN_LIMIT_KEYS.perAddress(client.ip), ...perAddress },
      { scope: 'account', key: LOGIN_LIMIT_KEYS.perAccount(email), ...perAccount, enforce: !client.knownDevice },
    ];
    const reservation = await reserveAttempt(this.redis, counters);
    if (reservation.reserved) return { limited: false };
    const scope = counters[reservation.refusedBy]?.scope ?? 'account-address';
    return { limited: true, scope, retryAfterSec: reservation.retryAfterSec };
  }

  /**
   * The password was right: the reserved attempt was no failure, and this address's failures on
   * the account are forgiven (its owner is there). The per-address and per-account counts keep
   * the failures of others.
   */
  async succeeded(ip: string, email: string): Promise<void> {
    await releaseAttempt(this.redis, [LOGIN_LIMIT_KEYS.perAddress(ip), LOGIN_LIMIT_KEYS.perAccount(email)]);
    await this.redis.del(LOGIN_LIMIT_KEYS.accountPerAddress(email, ip));
  }
}

function accountOf(email: string): string {
  return email.trim().toLowerCase();
}
