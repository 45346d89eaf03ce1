import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { BusName } from '../events/bus-name.js';
import { compareStreamIds, parseStreamId } from '../events/stream-id.js';
import type { PublicTruth } from '../truth/compile-truth.js';
import { readGatewayPresences } from './gateway-presences.js';
import type { GatewayPresence } from './ops-records.js';
import { withTimeout } from './with-timeout.js';

export const gatewayLagSchema = z.object({
  instance: z.string(),
  /** The newest id this gateway has read from the stream (null: it does not read it). */
  cursor: z.string().nullable(),
  /** Producer's last id time − the gateway's cursor time, 0 when level (null: nothing to compare). */
  lagMs: z.number().nullable(),
  behind: z.boolean(),
});
export type GatewayLag = z.infer<typeof gatewayLagSchema>;

export const streamLagViewSchema = z.object({
  topic: z.string(),
  bus: z.string(),
  stream: z.string(),
  /** XLEN (null: the bus did not answer). */
  length: z.number().int().nullable(),
  /** Retention from truth (XADD MAXLEN ~). */
  maxlen: z.number().int(),
  /** The producer's position: last-generated-id (null: no entry yet, or the bus did not answer). */
  lastId: z.string().nullable(),
  gateways: z.array(gatewayLagSchema),
});
export type StreamLagView = z.infer<typeof streamLagViewSchema>;

/** How far one reader's cursor trails the producer's last id. */
export function gatewayLag(instance: string, lastId: string | null, cursor: string | undefined): GatewayLag {
  const last = lastId === null ? null : parseStreamId(lastId);
  const read = cursor === undefined ? null : parseStreamId(cursor);
  if (!last || !read) return { instance, cursor: cursor ?? null, lagMs: null, behind: false };
  const behind = compareStreamIds(read, last) < 0;
  return { instance, cursor: cursor ?? null, lagMs: behind ? Math.max(0, last.ms - read.ms) : 0, behind };
}

/** XINFO STREAM's flat [field, value, …] reply → length and last-generated-id; a missing stream is empty. */
async function streamInfo(redis: Redis, key: string, timeoutMs: number): Promise<{ length: number | null; lastId: string | null }> {
  try {
    const reply = (await withTimeout(redis.call('XINFO', 'STREAM', key), timeoutMs, `XINFO STREAM ${key}`)) as unknown[];
    const field = (name: string) => reply[reply.indexOf(name) + 1];
    const length = Number(field('length'));
    const lastId = String(field('last-generated-id'));
    return { length: Number.isFinite(length) ? length : null, lastId: lastId === '0-0' ? null : lastId };
  } catch (error) {
    if (/no such key/i.test((error as Error).message)) return { length: 0, lastId: null };
    return { length: null, lastId: null };
  }
}

export interface StreamLagOptions {
  now?: number;
  /** Bound on each Redis call, so one unreachable bus cannot hold the whole view. */
  timeoutMs?: number;
  /** Already read by the caller (the watch reads them once per cycle). */
  gateways?: readonly GatewayPresence[];
}

/**
 * Per stream in truth: its length, retention and producer position, and per live gateway how far
 * its read position trails. The views `./admin status`, `/api/admin/*` and the watch share.
 * `redisFor` may answer null for a bus the caller cannot reach: its streams show no length.
 */
export async function readStreamLags(redisFor: (bus: BusName) => Redis | null, truth: PublicTruth, options: StreamLagOptions = {}): Promise<StreamLagView[]> {
  const timeoutMs = options.timeoutMs ?? 1500;
  const system = redisFor('system');
  const gateways =
    options.gateways ??
    (system ? await withTimeout(readGatewayPresences(system, options.now ?? Date.now()), timeoutMs, 'gateway presences').catch(() => []) : []);
  const routes = Object.values(truth.topics).sort((a, b) => a.topic.localeCompare(b.topic));
  return Promise.all(
    routes.map(async (route): Promise<StreamLagView> => {
      const redis = redisFor(route.bus);
      const info = redis ? await streamInfo(redis, route.stream, timeoutMs) : { length: null, lastId: null };
      return {
        topic: route.topic,
        bus: route.bus,
        stream: route.stream,
        length: info.length,
        maxlen: route.maxlen,
        lastId: info.lastId,
        gateways: gateways.map((g) => gatewayLag(g.instance, info.lastId, g.cursors[route.stream])),
      };
    }),
  );
}
