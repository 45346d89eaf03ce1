import type { Redis } from 'ioredis';
import { gatewayPresenceSchema, OPS_KEYS, parseOpsRecord, type GatewayPresence } from './ops-records.js';

/** A presence older than this many of its own intervals belongs to a gateway that is gone. */
const LIVE_INTERVALS = 3;

/**
 * The gateways alive now: members of the presence ZSET whose own record is still there and recent.
 * One GET per instance (no MGET across slots), so this also reads a Redis Cluster.
 */
export async function readGatewayPresences(system: Redis, now = Date.now()): Promise<GatewayPresence[]> {
  const instances = await system.zrange(OPS_KEYS.gateways, 0, -1);
  const records = await Promise.all(instances.map((instance) => system.get(OPS_KEYS.gateway(instance))));
  return records
    .flatMap((raw) => {
      const presence = parseOpsRecord(gatewayPresenceSchema, raw);
      return presence && now - presence.ts <= presence.intervalMs * LIVE_INTERVALS ? [presence] : [];
    })
    .sort((a, b) => a.instance.localeCompare(b.instance));
}
