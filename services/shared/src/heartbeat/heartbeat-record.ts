import { z } from 'zod';

export const heartbeatKey = (service: string) => `${service}:heartbeat`;
export const SERVICE_REGISTRY_KEY = 'services:registry';

export const heartbeatRecordSchema = z.object({
  service: z.string(),
  version: z.string(),
  pid: z.number().int(),
  host: z.string(),
  port: z.number().int().nullable(),
  startedAt: z.number(),
  ts: z.number(),
  uptimeSec: z.number(),
  intervalMs: z.number().int().positive(),
  truthVersion: z.string().nullable(),
  /** Loaded settings this process cannot apply until it restarts (absent from older processes). */
  restartNeeded: z.array(z.string()).optional(),
});
export type HeartbeatRecord = z.infer<typeof heartbeatRecordSchema>;

export type HeartbeatState = 'fresh' | 'stale' | 'missing';

/**
 * A heartbeat is stale once two intervals pass without a write: the process is dead or hung even
 * though its key has not expired yet. A missing key means it never ran or its TTL ran out.
 */
export function heartbeatState(record: HeartbeatRecord | null, now: number): HeartbeatState {
  if (!record) return 'missing';
  return now - record.ts > record.intervalMs * 2 ? 'stale' : 'fresh';
}

export function parseHeartbeat(raw: string | null): HeartbeatRecord | null {
  if (raw === null) return null;
  try {
    const parsed = heartbeatRecordSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
