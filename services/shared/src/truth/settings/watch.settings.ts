import { z } from 'zod';
import { componentSettings } from './settings-spec.js';

const recoverySchema = z.strictObject({
  maxAttempts: z.number().int().min(1).max(20).default(3).describe('pm2 restarts per unhealthy episode before the service is marked failed'),
  cooldownSec: z.number().min(0).max(3600).default(30).describe('Least time between two restarts of one service'),
  backoff: z.number().min(1).max(10).default(1).describe('Each further attempt waits cooldownSec × backoff^(attempt − 1)'),
  confirmCycles: z.number().int().min(1).max(100).default(2).describe('Consecutive unhealthy cycles before a restart: one slow /health on a busy machine is no reason'),
  graceSec: z.number().min(0).max(600).default(30).describe('A process younger than this (since pm2 started it) is not judged: it may still be booting'),
  restartRedis: z.boolean().default(true).describe('Also restart a hung redis-server (pm2 online, PING unanswered); AOF keeps what was acknowledged'),
});

/**
 * The health watch (`truth/components/watch.json` → `settings`). Every key is read per cycle, so
 * each one applies on reload: an operator can switch recovery off without restarting the watch.
 */
export const watchSettings = componentSettings(
  'watch',
  z.strictObject({
    enabled: z.boolean().default(true).describe('Restart unhealthy services through pm2; when false the watch only reports').meta({ live: true }),
    intervalMs: z.number().int().min(250).max(60_000).default(2000).describe('Time between two health cycles').meta({ live: true }),
    staleAfterSec: z.number().min(1).max(3600).default(10).describe('Age after which a heartbeat counts as stale').meta({ live: true }),
    staleAfterSecByService: z
      .record(z.string(), z.number().min(1).max(3600))
      .default({})
      .describe('Per-service staleness thresholds (component id → seconds) overriding staleAfterSec')
      .meta({ live: true }),
    httpTimeoutMs: z.number().int().min(50).max(60_000).default(1500).describe('Timeout for one GET /health and one Redis PING').meta({ live: true }),
    recovery: recoverySchema.default({ maxAttempts: 3, cooldownSec: 30, backoff: 1, confirmCycles: 2, graceSec: 30, restartRedis: true }).describe('Restart policy: attempts, cooldown, backoff, grace after a start').meta({ live: true }),
  }),
);
export type WatchSettings = z.output<typeof watchSettings.schema>;
export type RecoverySettings = WatchSettings['recovery'];
