import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { readTruth, type StoredTruth } from '../truth/truth-store.js';
import { redactUrl } from '../bus/redis-connection.js';

/**
 * Waits until truth is loaded. Under pm2 a service may start a moment before `./admin load-truth`
 * finishes; waiting here beats a crash-restart loop. Gives up with a clear message after `timeoutMs`.
 */
export async function waitForTruth(redis: Redis, url: string, logger: Logger, timeoutMs: number): Promise<StoredTruth> {
  const deadline = Date.now() + timeoutMs;
  let warned = false;
  for (;;) {
    const truth = await readTruth(redis).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'TruthError') throw error;
      return null;
    });
    if (truth) return truth;
    if (Date.now() > deadline) {
      throw new Error(`truth is not loaded in system Redis at ${redactUrl(url)}: run ./admin load-truth (or check REDIS_SYSTEM_URL)`);
    }
    if (!warned) {
      logger.warn({ url: redactUrl(url) }, 'waiting for truth: run ./admin load-truth');
      warned = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
