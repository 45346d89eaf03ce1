import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Redis } from 'ioredis';
import { startRedisTrio, type RedisTrio } from './test-stack.js';

/**
 * For integration specs of one store: a real redis-server trio for the file, the system client
 * (and the trio, for more connections) handed to `ready` once it is up, and an empty database before every test. Not exported from the
 * testing index, which the benchmarks load without vitest.
 */
export function useFreshSystemRedis(ready: (system: Redis, redis: RedisTrio) => void): void {
  let redis: RedisTrio | undefined;
  let system: Redis | undefined;

  beforeAll(async () => {
    redis = await startRedisTrio();
    system = redis.system.client();
    ready(system, redis);
  });

  beforeEach(async () => {
    await system?.flushall();
  });

  afterAll(async () => {
    await redis?.stop();
  });
}
