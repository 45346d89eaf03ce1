/**
 * Settles with `promise`, or rejects after `ms`. A connection that retries forever (the services'
 * ioredis default) would otherwise hold a health probe until the bus comes back, and a probe that
 * never answers is the very thing the probe must report.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
