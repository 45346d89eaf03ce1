export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Delay before the next attempt after `failures` consecutive failures (1 = the first failure):
 * exponential from `baseMs`, capped at `maxMs`, with "equal jitter" — half the step is fixed and
 * half is random — so feeds that failed together do not retry in lock-step.
 */
export function backoffDelayMs(failures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  if (failures < 1) return 0;
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(failures - 1, 40));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * r);
}
