import type { Redis } from 'ioredis';
import { DomainError } from '@marketswarm/shared/http';

/** What a refused caller is told to wait: about one reconnect backoff of the bus connections. */
export const UNAVAILABLE_RETRY_AFTER_SEC = 5;

/**
 * Refuses at once (503 `unavailable` with Retry-After) unless the connection is `ready`. The bus
 * connections queue commands while Redis is down and run them once it is back; a caller waiting on
 * that would time out at the proxy, retry, and the queued append would then land as a duplicate.
 */
export function requireReady(redis: Pick<Redis, 'status'>, what: string): void {
  if (redis.status === 'ready') return;
  throw new DomainError('unavailable', `${what} is unreachable (${redis.status}); nothing was written, retry in ${UNAVAILABLE_RETRY_AFTER_SEC} s`, {
    retryAfterSec: UNAVAILABLE_RETRY_AFTER_SEC,
  });
}
