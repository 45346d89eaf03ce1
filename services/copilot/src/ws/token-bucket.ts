export interface TokenBucketLimits {
  /** Tokens added per second, up to `burst`. */
  perSecond: number;
  /** The most tokens the bucket holds: how many takes may come at once. */
  burst: number;
}

/**
 * A token bucket that starts full. The limits are passed on each take, so a changed setting
 * applies to buckets already running; the clock is the caller's (milliseconds, any origin).
 */
export class TokenBucket {
  private tokens: number | undefined;
  private last: number | undefined;

  /** Takes one token; false, and the bucket unchanged, when none is left. */
  tryTake(now: number, limits: TokenBucketLimits): boolean {
    const elapsedSec = this.last === undefined ? 0 : Math.max(0, now - this.last) / 1000;
    const tokens = Math.min(limits.burst, (this.tokens ?? limits.burst) + elapsedSec * limits.perSecond);
    this.last = now;
    if (tokens < 1) {
      this.tokens = tokens;
      return false;
    }
    this.tokens = tokens - 1;
    return true;
  }
}
