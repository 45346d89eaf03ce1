import { z } from 'zod';

/**
 * What the watch process and every gateway write to system Redis for operators, and what
 * `./admin status` and `/api/admin/*` read back. One key per record (no multi-key commands), so
 * the records stay valid on a Redis Cluster.
 */
export const OPS_KEYS = {
  /** JSON {@link HealthReport}, rewritten by the watch every cycle (with a TTL of a few cycles). */
  health: 'ops:health',
  /** LIST of JSON {@link RecoveryAction}, newest first (LPUSH + LTRIM to the newest 500). */
  recoveryLog: 'ops:recovery:log',
  /** HASH service id → JSON {@link RecoveryState}: survives a restart of the watch itself. */
  recoveryState: 'ops:recovery:state',
  /** ZSET gateway instance → ts of its last presence write; members older than a few intervals are gone. */
  gateways: 'ops:gateways',
  /** JSON {@link GatewayPresence} of one gateway instance, with a TTL. */
  gateway: (instance: string) => `ops:gateway:${instance}`,
} as const;

export const RECOVERY_LOG_LIMIT = 500;

export const healthStatusSchema = z.enum(['healthy', 'degraded', 'down', 'failed']);
export type HealthStatus = z.infer<typeof healthStatusSchema>;

export const serviceHealthSchema = z.object({
  id: z.string(),
  pm2: z.string().nullable(),
  /** 0–100: the share of this service's checks that pass (weights in the watch's health-score). */
  score: z.number().min(0).max(100),
  status: healthStatusSchema,
  checks: z.object({
    /** Every Redis bus the component uses answers PING (null: it uses none). */
    redis: z.boolean().nullable(),
    heartbeat: z.enum(['fresh', 'stale', 'missing', 'none']),
    heartbeatAgeSec: z.number().nullable(),
    /** Its HTTP `/health` answers 200 (null: it serves no HTTP). */
    http: z.boolean().nullable(),
  }),
  process: z
    .object({
      status: z.string(),
      pid: z.number().int().nullable(),
      restarts: z.number().int(),
      memoryBytes: z.number().nullable(),
      cpuPct: z.number().nullable(),
      uptimeSec: z.number().nullable(),
    })
    .nullable(),
  recovery: z.object({ attempts: z.number().int(), failed: z.boolean(), lastAttemptAt: z.number().nullable() }),
});
export type ServiceHealth = z.infer<typeof serviceHealthSchema>;

export const redisHealthSchema = z.object({
  bus: z.string(),
  reachable: z.boolean(),
  usedMemoryBytes: z.number().nullable(),
  maxMemoryBytes: z.number().nullable(),
  /** `aof_enabled` from INFO persistence (null when unreachable). */
  aof: z.boolean().nullable(),
});
export type RedisHealth = z.infer<typeof redisHealthSchema>;

export const healthReportSchema = z.object({
  ts: z.number(),
  /** The watch's own interval, so a reader can tell a stale report from a fresh one. */
  intervalMs: z.number().int().positive(),
  overall: z.object({ score: z.number().min(0).max(100), status: healthStatusSchema }),
  services: z.array(serviceHealthSchema),
  redis: z.array(redisHealthSchema),
});
export type HealthReport = z.infer<typeof healthReportSchema>;

export const recoveryActionSchema = z.object({
  ts: z.number(),
  service: z.string(),
  /**
   * restart: asked pm2 to restart it (ok false: pm2 refused or failed, see error); recovered: healthy
   * again after a restart; give-up: marked failed, no more attempts; reset: an operator cleared the
   * failed mark; skipped: unhealthy while recovery is off, so not restarted (once per episode).
   */
  action: z.enum(['restart', 'recovered', 'give-up', 'reset', 'skipped']),
  reason: z.string(),
  attempt: z.number().int(),
  ok: z.boolean(),
  error: z.string().optional(),
});
export type RecoveryAction = z.infer<typeof recoveryActionSchema>;

export const recoveryStateSchema = z.object({
  /** Restarts in the current unhealthy episode (back to 0 once the service is healthy for a cooldown). */
  attempts: z.number().int(),
  lastAttemptAt: z.number().nullable(),
  failed: z.boolean(),
  /** Since when it has been healthy again after a restart (null or absent: not since the last attempt). */
  healthySince: z.number().nullable().optional(),
  /** When the watch logged that it left this unhealthy episode alone, recovery being off (null or absent: it has not). */
  skippedAt: z.number().nullable().optional(),
});
export type RecoveryState = z.infer<typeof recoveryStateSchema>;

export const gatewayPresenceSchema = z.object({
  instance: z.string(),
  pid: z.number().int(),
  host: z.string(),
  port: z.number().int().nullable(),
  ts: z.number(),
  intervalMs: z.number().int().positive(),
  connections: z.number().int(),
  byRoute: z.record(z.string(), z.number().int()),
  /** Stream key → the newest entry id this gateway has read and fanned out (its read position). */
  cursors: z.record(z.string(), z.string()),
});
export type GatewayPresence = z.infer<typeof gatewayPresenceSchema>;

/** Parses one JSON record, or null when absent or not of the schema (an old or foreign writer). */
export function parseOpsRecord<T>(schema: z.ZodType<T>, raw: string | null): T | null {
  if (raw === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
