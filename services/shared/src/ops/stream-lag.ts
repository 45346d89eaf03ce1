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

/**
 * How far one gateway trailed when it reported its cursor (at `reportedAt`): the age, at that
 * moment, of the oldest entry it had not read yet. Comparing with the producer's last id *now*
 * would count entries written after the report (up to one presence interval) as lag.
 * `oldestUnreadMs`: that entry's time, null when it had read everything written by then.
 */
export function gatewayLag(instance: string, cursor: string | undefined, oldestUnreadMs: number | null, reportedAt: number): GatewayLag {
  if (cursor === undefined) return { instance, cursor: null, lagMs: null, behind: false };
  if (oldestUnreadMs === null) return { instance, cursor, lagMs: 0, behind: false };
  return { instance, cursor, lagMs: Math.max(0, reportedAt - oldestUnreadMs), behind: true };
}

/** The time of the first entry after `cursor` written no later than `until`, or null when none. */
async function oldestUnread(redis: Redis, key: string, cursor: string, until: number, timeoutMs: number): Promise<number | null> {
  const [first] = await withTimeout(redis.xrange(key, `(${cursor}`, String(until), 'COUNT', 1), timeoutMs, `XRANGE ${key}`);
  return first ? (parseStreamId(first[0])?.ms ?? null) : null;
}

async function lagOf(redis: Redis, key: string, lastId: string | null, gateway: GatewayPresence, timeoutMs: number): Promise<GatewayLag> {
  const cursor = gateway.cursors[key];
  const read = cursor === undefined ? null : parseStreamId(cursor);
  const last = lastId === null ? null : parseStreamId(lastId);
  if (!read || !last) return { instance: gateway.instance, cursor: cursor ?? null, lagMs: null, behind: false };
  if (compareStreamIds(read, last) >= 0) return gatewayLag(gateway.instance, cursor, null, gateway.ts);
  try {
    return gatewayLag(gateway.instance, cursor, await oldestUnread(redis, key, cursor!, gateway.ts, timeoutMs), gateway.ts);
  } catch {
    return { instance: gateway.instance, cursor: cursor ?? null, lagMs: null, behind: false };
  }
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
        gateways: redis
          ? await Promise.all(gateways.map((g) => lagOf(redis, route.stream, info.lastId, g, timeoutMs)))
          : gateways.map((g) => ({ instance: g.instance, cursor: g.cursors[route.stream] ?? null, lagMs: null, behind: false })),
      };
    }),
  );
}
