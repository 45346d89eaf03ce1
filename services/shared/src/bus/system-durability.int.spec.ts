import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeStreamEntry } from '../events/stream-codec.js';
import type { EventInput } from '../events/envelope.js';
import { freePort } from '../testing/free-port.js';
import { startRedisServer, type RedisServerHandle } from '../testing/redis-server.js';
import { repoRoot } from '../testing/repo-root.js';
import { compileRepoTruthSync } from '../testing/repo-truth.js';
import type { TopicRoute } from '../truth/truth-doc.schema.js';
import { publishEvents } from './publish-event.js';

const SYSTEM_CONF = path.join(repoRoot, 'scripts/redis/system.conf');

/** A redis-server on the stack's own system.conf (AOF, appendfsync everysec), on a fixed port and data folder so it can come back. */
interface SystemRedis {
  start(): Promise<void>;
  kill(): Promise<void>;
  client(): Redis;
}

function systemRedis(port: number, dir: string): SystemRedis {
  let server: RedisServerHandle | undefined;
  return {
    async start() {
      server = await startRedisServer({ confFile: SYSTEM_CONF, port, dir });
    },
    async kill() {
      await server?.stop();
    },
    client() {
      if (!server) throw new Error('system Redis is not started');
      return server.client();
    },
  };
}

/**
 * System Redis (AOF, appendfsync everysec) keeps every user event it acknowledged across a restart:
 * pm2 stops redis-server with SIGINT and SHUTDOWN both write and fsync the AOF before exiting. A crash
 * is different: while an earlier fsync is still running Redis may hold back its AOF write for up to
 * two seconds and still reply, so kill -9 (or an OS crash) can lose what was acknowledged in the last
 * second or two — the trade everysec makes for throughput (appendfsync always would close it at the
 * cost of an fsync per write). Older acknowledged events survive a crash.
 */
describe('system Redis durability (scripts/redis/system.conf)', () => {
  let routes: { alerts: TopicRoute; trades: TopicRoute };
  let dir: string;
  let redis: SystemRedis;

  beforeAll(() => {
    const { truth } = compileRepoTruthSync();
    routes = { alerts: truth.topics['alerts']!, trades: truth.topics['trades']! };
  });

  afterEach(async () => {
    await redis?.kill();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  afterAll(async () => {
    await redis?.kill();
  });

  const fresh = async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ms-system-aof-'));
    redis = systemRedis(await freePort(), dir);
    await redis.start();
  };

  /** Publishes `count` user events in small batches through the producers' path; each id is acknowledged when its batch returns. */
  const publishAcknowledged = async (count: number): Promise<Map<string, string[]>> => {
    const client = redis.client();
    const acknowledged = new Map<string, string[]>([
      [routes.alerts.stream, []],
      [routes.trades.stream, []],
    ]);
    for (let seq = 0; seq < count; seq += 10) {
      const batch = Array.from({ length: Math.min(10, count - seq) }, (_, i) => seq + i);
      const alerts: EventInput<'alerts'>[] = batch.map((n) => ({ topic: 'alerts', type: 'fired', ts: 1_700_000_000_000 + n, user: `user-${n % 7}`, data: { id: `alert-${n}`, message: `SPX crossed ${5000 + n}`, severity: 'info', seq: n } }));
      const trades: EventInput<'trades'>[] = batch.map((n) => ({ topic: 'trades', type: 'opened', ts: 1_700_000_000_000 + n, user: `user-${n % 5}`, data: { id: `trade-${n}`, symbol: 'SPX', seq: n } }));
      acknowledged.get(routes.alerts.stream)!.push(...(await publishEvents(client, routes.alerts, alerts)));
      acknowledged.get(routes.trades.stream)!.push(...(await publishEvents(client, routes.trades, trades)));
    }
    return acknowledged;
  };

  const readStreams = async (): Promise<Map<string, { id: string; user: string | undefined; seq: unknown }[]>> => {
    const client = redis.client();
    const streams = new Map<string, { id: string; user: string | undefined; seq: unknown }[]>();
    for (const route of [routes.alerts, routes.trades]) {
      const entries = await client.xrange(route.stream, '-', '+');
      streams.set(
        route.stream,
        entries.map(([id, fields]) => {
          const decoded = decodeStreamEntry(fields);
          if (!decoded.ok) throw new Error(`entry ${id} does not decode`);
          return { id, user: decoded.event.user, seq: (decoded.event.data as { seq?: unknown }).seq };
        }),
      );
    }
    return streams;
  };

  it('keeps every user event acknowledged before the last everysec fsync, same ids, after kill -9 of redis-server', async () => {
    await fresh();
    const acknowledged = await publishAcknowledged(300);
    const before = await readStreams();
    // Past two everysec cycles every acknowledged write is on disk; then the process dies without a word.
    await new Promise((r) => setTimeout(r, 2500));
    await redis.kill();
    await redis.start();
    const after = await readStreams();
    for (const [stream, ids] of acknowledged) {
      expect(after.get(stream)!.map((e) => e.id)).toEqual(ids);
      expect(after.get(stream)).toEqual(before.get(stream));
    }
    expect(after.get(routes.alerts.stream)!.map((e) => e.seq)).toEqual(Array.from({ length: 300 }, (_, n) => n));
  });

  it('keeps every acknowledged user event after a graceful SHUTDOWN and a restart', async () => {
    await fresh();
    const acknowledged = await publishAcknowledged(100);
    const client = redis.client();
    await client.call('SHUTDOWN').catch(() => undefined);
    await redis.kill();
    await redis.start();
    const after = await readStreams();
    for (const [stream, ids] of acknowledged) expect(after.get(stream)!.map((e) => e.id)).toEqual(ids);
  });
});
