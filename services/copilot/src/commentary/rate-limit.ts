import { Counter, type Registry } from 'prom-client';

export const RATE_WINDOW_MS = 60_000;

/**
 * At most `limit` takes per key in any sliding minute. Times are kept per key and pruned on each
 * take, so memory follows the keys that were active in the last minute, not all keys ever seen.
 */
export class SlidingWindow {
  private readonly taken = new Map<string, number[]>();

  constructor(private readonly windowMs: number = RATE_WINDOW_MS) {}

  /** Takes one slot for `key` at `now` when fewer than `limit` were taken in the window; false (and nothing taken) otherwise. */
  tryTake(key: string, limit: number, now: number): boolean {
    const since = now - this.windowMs;
    const times = (this.taken.get(key) ?? []).filter((t) => t > since);
    const allowed = times.length < limit;
    if (allowed) times.push(now);
    if (times.length === 0) this.taken.delete(key);
    else this.taken.set(key, times);
    return allowed;
  }
}

/**
 * Commentary lines per user per minute. Past the limit a line is dropped, not queued: a queue would
 * deliver stale market talk minutes late. Drops are counted so an operator sees a too-low limit.
 */
export class CommentaryRateLimit {
  private readonly window = new SlidingWindow();
  private readonly dropped: Counter<'kind'>;

  constructor(registry: Registry) {
    const name = 'copilot_commentary_dropped_total';
    const existing = registry.getSingleMetric(name);
    this.dropped =
      (existing as Counter<'kind'> | undefined) ??
      new Counter({ name, help: 'Commentary lines dropped because the user had reached the per-minute limit', labelNames: ['kind'], registers: [registry] });
  }

  /** The user's limit: their own setting, never above the service's. */
  static limitOf(userMaxPerMinute: number, serviceMaxPerMinute: number): number {
    return Math.min(userMaxPerMinute, serviceMaxPerMinute);
  }

  allow(userId: string, kind: string, limit: number, now: number): boolean {
    if (this.window.tryTake(userId, limit, now)) return true;
    this.dropped.inc({ kind });
    return false;
  }
}
