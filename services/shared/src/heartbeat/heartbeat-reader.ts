import type { Redis } from 'ioredis';
import { heartbeatKey, parseHeartbeat, type HeartbeatRecord } from './heartbeat-record.js';

/**
 * The last heartbeat of each id (null: missing or unreadable). One GET per key, sent back to back:
 * heartbeat keys carry no hash tag, so on a Redis Cluster they live in different slots, where an
 * MGET may not span them.
 */
export async function readHeartbeats(system: Redis, ids: readonly string[]): Promise<Map<string, HeartbeatRecord | null>> {
  const unique = [...new Set(ids)];
  const raw = await Promise.all(unique.map((id) => system.get(heartbeatKey(id))));
  return new Map(unique.map((id, i) => [id, parseHeartbeat(raw[i] ?? null)]));
}
