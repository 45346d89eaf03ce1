export interface BackoffPolicy {
  /** Delay before the first retry, ms. */
  baseMs: number;
  /** Largest delay, ms. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 15_000 };

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random. After a gateway
 * restart every open tab retries; the random half spreads them out, the fixed half keeps a tab
 * from spinning on an immediate retry.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(step / 2 + (random() * step) / 2);
}
