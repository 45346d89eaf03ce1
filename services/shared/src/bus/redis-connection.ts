import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { isClusterUrl, parseClusterUrl } from './cluster-url.js';

const backoff = (attempt: number) => Math.min(100 * 2 ** Math.min(attempt, 6), 5000);

/**
 * Opens one ioredis connection that reconnects forever with capped backoff and logs each state
 * change once (not every failed attempt), so a Redis blip is visible without flooding the logs.
 *
 * A `redis-cluster://host:port,host:port…` URL (see cluster-url.ts) opens an ioredis Cluster
 * client instead, with the same options for every node connection. It is returned typed as `Redis`
 * on purpose: Cluster implements the same command interface (commands, multi, pipeline, subscribe,
 * quit, disconnect, duplicate, status, isCluster and the connection events), and the stack uses
 * nothing else of a connection. What Cluster lacks and the stack must therefore not use on bus
 * connections: `options`, `condition`, `stream`, `connector`, `monitor`. What it adds is a rule,
 * not a member: every multi-key command, MULTI, pipeline and script must keep its keys in one
 * hash slot (one `{tag}`); `redis.isCluster` tells code that must act differently.
 */
export function openRedis(url: string, name: string, logger: Logger, options: RedisOptions = {}): Redis {
  const redis = createRedisClient(url, {
    connectionName: name,
    maxRetriesPerRequest: null,
    // TCP keepalive: a half-open socket would otherwise leave a blocking XREAD waiting for hours.
    keepAlive: 10_000,
    enableAutoPipelining: false,
    retryStrategy: backoff,
    ...options,
  });
  let lastError = '';
  redis.on('ready', () => {
    lastError = '';
    logger.info({ redis: name, url: redactUrl(url) }, 'redis ready');
  });
  redis.on('error', (error: Error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn({ redis: name, url: redactUrl(url), err: error.message }, 'redis error');
  });
  redis.on('reconnecting', (delay: number) => logger.debug({ redis: name, delay }, 'redis reconnecting'));
  if (redis.isCluster) {
    // A failover shows as a node leaving and its replica's slots moving: worth one line each.
    redis.on('-node', (node: Redis) => logger.info({ redis: name, node: nodeAddress(node) }, 'redis cluster node left'));
    redis.on('+node', (node: Redis) => logger.debug({ redis: name, node: nodeAddress(node) }, 'redis cluster node joined'));
    redis.on('node error', (error: Error, address: string) => {
      if (error.message === lastError) return;
      lastError = error.message;
      logger.warn({ redis: name, node: address, err: error.message }, 'redis cluster node error');
    });
  }
  return redis;
}

/**
 * A bare client for a bus URL, single server or `redis-cluster://` (see openRedis for what the
 * `Redis` type then stands for): for tools that set their own options and handle their own errors,
 * such as the CLI's short-lived connections.
 */
export function createRedisClient(url: string, options: RedisOptions = {}): Redis {
  return isClusterUrl(url) ? openCluster(url, options) : new Redis(url, options);
}

function openCluster(url: string, options: RedisOptions): Redis {
  const { nodes, username, password, tls } = parseClusterUrl(url);
  // A node connection never retries by itself (ioredis waits for the slots to move instead); the
  // caller's retry strategy governs reaching the cluster at all.
  const { retryStrategy, enableOfflineQueue, readOnly: _readOnly, lazyConnect, ...redisOptions } = options;
  const cluster = new Cluster(nodes, {
    redisOptions: { ...redisOptions, ...(username ? { username } : {}), ...(password ? { password } : {}), ...(tls ? { tls: {} } : {}) },
    clusterRetryStrategy: retryStrategy === null ? () => null : (retryStrategy ?? backoff),
    ...(lazyConnect ? { lazyConnect } : {}),
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    // A command caught by a failover is retried on the promoted replica once the slots are refreshed.
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 200,
    slotsRefreshTimeout: 2000,
  });
  // The single factory point where a Cluster stands in for a Redis; see openRedis for what that assumes.
  return cluster as unknown as Redis;
}

function nodeAddress(node: Redis): string {
  return `${node.options.host ?? '?'}:${node.options.port ?? '?'}`;
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}
