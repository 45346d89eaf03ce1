import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ALERTS_LEADER_KEY } from './alert-keys.js';

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * One evaluator at a time across copilot instances: a lease in system Redis with a random token.
 * The holder renews it well inside its expiry; a standby takes it once it lapses. The token also
 * fences the state commits (engine-state.store.ts), so a holder that lost the lease without
 * noticing (a long GC pause) cannot overwrite what its successor committed.
 */
export class EngineLease {
  readonly token = randomUUID();

  constructor(
    private readonly redis: Redis,
    readonly ttlMs = 10_000,
    private readonly key = ALERTS_LEADER_KEY,
  ) {}

  /** Takes the lease if it is free, or renews it if it is already ours. */
  async acquire(): Promise<boolean> {
    const set = await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX');
    if (set === 'OK') return true;
    return this.renew();
  }

  async renew(): Promise<boolean> {
    return Number(await this.redis.eval(RENEW, 1, this.key, this.token, String(this.ttlMs))) === 1;
  }

  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key, this.token);
  }
}
