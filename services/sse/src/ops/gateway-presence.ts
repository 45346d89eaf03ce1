import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { GATEWAY_COMPONENT, instanceServiceId } from '@marketswarm/shared/config';
import type { Logger } from '@marketswarm/shared/logger';
import { OPS_KEYS, type GatewayPresence } from '@marketswarm/shared/ops';
import type { ConnectionStats } from '../streaming/subscriber-registry.js';

export const PRESENCE_INTERVAL_MS = 2000;
/** Members of the gateways set older than this are pruned by the next writer: that gateway is gone. */
export const PRESENCE_PRUNE_AFTER_MS = 60_000;

/** What the presence reads from the gateway: its open streams and its read position per stream. */
export interface PresenceSource {
  registry: { stats(): ConnectionStats[] };
  cursors(): Record<string, string>;
}

export interface GatewayPresenceDeps {
  /** System Redis. */
  redis: Redis;
  fanout: PresenceSource;
  /** The port this gateway listens on (null when unknown). */
  port: number | null;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  intervalMs?: number;
  now?: () => number;
}

/**
 * `<service id>@<host>` (`sse@box`, `sse-2@box`): the id is the one the process beats and the watch
 * reports it under (from MS_INSTANCE), so the Gateways and Streams views name it as Services does;
 * the host keeps the first gateways of several machines sharing one system Redis apart.
 */
export function gatewayInstance(env: NodeJS.ProcessEnv, host: string): string {
  return `${instanceServiceId(GATEWAY_COMPONENT, env)}@${host}`;
}

/** One presence record: connection counts by route, never a user id. */
export function presenceRecord(fields: Omit<GatewayPresence, 'connections' | 'byRoute'>, stats: readonly ConnectionStats[]): GatewayPresence {
  const byRoute: Record<string, number> = {};
  for (const s of stats) byRoute[s.route] = (byRoute[s.route] ?? 0) + 1;
  return { ...fields, connections: stats.length, byRoute };
}

/**
 * Tells operators this gateway is alive, how many clients it serves and how far it has read each
 * stream: `ops:gateway:<instance>` (TTL of three intervals, so a killed gateway disappears by itself)
 * and its score in `ops:gateways`. Single-key commands only, so it runs unchanged on a Redis Cluster.
 */
export function startGatewayPresence(deps: GatewayPresenceDeps): { instance: string; stop(): Promise<void> } {
  const intervalMs = deps.intervalMs ?? PRESENCE_INTERVAL_MS;
  const now = deps.now ?? Date.now;
  const host = hostname();
  const instance = gatewayInstance(deps.env ?? process.env, host);
  const key = OPS_KEYS.gateway(instance);
  let lastErrorLog = 0;

  const write = async () => {
    const ts = now();
    const record = presenceRecord({ instance, pid: process.pid, host, port: deps.port, ts, intervalMs, cursors: deps.fanout.cursors() }, deps.fanout.registry.stats());
    try {
      // Separate commands, not a pipeline: the record and the set live in different Redis Cluster slots.
      await Promise.all([
        deps.redis.set(key, JSON.stringify(record), 'PX', intervalMs * 3),
        deps.redis.zadd(OPS_KEYS.gateways, ts, instance),
        deps.redis.zremrangebyscore(OPS_KEYS.gateways, '-inf', ts - PRESENCE_PRUNE_AFTER_MS),
      ]);
    } catch (error) {
      // Presence is for operators: a Redis blip must not take the gateway down, nor flood its log.
      if (ts - lastErrorLog > 60_000) {
        lastErrorLog = ts;
        deps.logger.warn({ err: error, instance }, 'gateway presence write failed');
      }
    }
  };

  let writing = write();
  const timer = setInterval(() => {
    writing = write();
  }, intervalMs);
  timer.unref();

  return {
    instance,
    async stop() {
      clearInterval(timer);
      await writing;
      await Promise.all([deps.redis.del(key), deps.redis.zrem(OPS_KEYS.gateways, instance)]).catch(() => undefined);
    },
  };
}
