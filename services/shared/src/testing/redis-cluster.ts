import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { openRedis } from '../bus/redis-connection.js';
import { trackChild } from './child-registry.js';
import { freePort } from './free-port.js';

const exec = promisify(execFile);

export interface ClusterNodeHandle {
  port: number;
  pid: number;
  /** False once `failover` killed it. */
  alive: boolean;
}

export interface ClusterFailover {
  /** Port of the master that was killed, and of the replica promoted in its place. */
  from: number;
  to: number;
  /** From the kill to the whole cluster answering again. */
  ms: number;
}

export interface RedisClusterHandle {
  /** `redis-cluster://127.0.0.1:<port>,…` naming every node, for REDIS_*_URL. */
  url: string;
  nodes: readonly ClusterNodeHandle[];
  /** A cluster client opened as the services open theirs (see openRedis); closed by stop(). */
  client(): Redis;
  /** The node serving the master copy of the key's hash slot. */
  ownerOf(key: string): Promise<ClusterNodeHandle>;
  /**
   * Kills (SIGKILL) the master serving the key's slot and waits until its replica is promoted and
   * every live node reports cluster_state:ok. It first waits for the replica to hold everything the
   * master acknowledged: Redis replication is asynchronous, and the point of the tests is what the
   * clients do across a failover, not the writes an unreplicated master takes down with it.
   * `afterKill` runs as soon as the master is dead, before its replica is promoted.
   */
  failover(key: string, options?: { afterKill?: () => void }): Promise<ClusterFailover>;
  stop(): Promise<void>;
}

const NODE_TIMEOUT_MS = 1000;

/**
 * A real Redis Cluster on loopback: `masters` masters with `replicas` replicas each, one
 * redis-server process per node (AOF on, data in a temp folder), joined with
 * `redis-cli --cluster create`. Resolves once every node says cluster_state:ok and every replica
 * is in sync, so a failover can start at once.
 */
export async function startRedisCluster(options: { masters?: number; replicas?: number } = {}): Promise<RedisClusterHandle> {
  const masters = options.masters ?? 3;
  const replicas = options.replicas ?? 1;
  if (masters < 3) throw new Error('a Redis Cluster needs at least 3 masters to elect a replica');
  const dir = await mkdtemp(path.join(tmpdir(), 'ms-redis-cluster-'));
  const processes = new Map<number, ChildProcess>();
  const nodes: ClusterNodeHandle[] = [];
  const clients: Redis[] = [];
  const probes = new Map<number, Redis>();
  const probe = (port: number): Redis => {
    let redis = probes.get(port);
    // A probe that found its node not listening yet has ended (no retries): open a fresh one.
    if (!redis || redis.status === 'end') {
      redis = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
      redis.on('error', () => undefined);
      probes.set(port, redis);
    }
    return redis;
  };
  const stop = async () => {
    for (const c of clients) c.disconnect();
    for (const p of probes.values()) p.disconnect();
    await Promise.all(
      [...processes.values()].map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }),
    );
    await rm(dir, { recursive: true, force: true });
  };

  try {
    const total = masters * (1 + replicas);
    const started = await Promise.allSettled(Array.from({ length: total }, (_, i) => spawnNode(path.join(dir, `node-${i}`))));
    for (const outcome of started) {
      if (outcome.status === 'rejected') continue;
      const { port, child } = outcome.value;
      processes.set(port, child);
      nodes.push({ port, pid: child.pid ?? -1, alive: true });
    }
    const failed = started.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    await Promise.all(nodes.map((n) => waitFor(`redis-server on ${n.port} to answer`, async () => (await probe(n.port).ping()) === 'PONG')));
    // redis-cli makes the first `masters` addresses masters and spreads the others as their replicas.
    await exec('redis-cli', ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', String(replicas), '--cluster-yes'], { timeout: 30_000 });
    const live = () => nodes.filter((n) => n.alive);
    const clusterOk = async () => (await Promise.all(live().map((n) => clusterState(probe(n.port))))).every((s) => s.ok && s.knownNodes >= live().length);
    const replicasInSync = async () => (await Promise.all(live().map((n) => replication(probe(n.port))))).every((r) => r.role === 'master' || r.linkUp);
    // Every node must also know every master's replicas (gossip lags the create), or failover() could not find them.
    const replicasKnown = async () =>
      (await Promise.all(live().map(async (n) => (await slotRanges(probe(n.port))).every((range) => range.length >= 3 + replicas)))).every(Boolean);
    await waitFor('the cluster to be ok on every node', async () => (await clusterOk()) && (await replicasInSync()) && (await replicasKnown()));

    const byPort = (port: number) => nodes.find((n) => n.port === port);
    const slotOwners = async (key: string): Promise<number[]> => {
      const from = probe(live()[0]!.port);
      const slot = Number(await from.call('CLUSTER', 'KEYSLOT', key));
      const ranges = await slotRanges(from);
      const range = ranges.find(([first, last]) => slot >= first && slot <= last);
      if (!range) throw new Error(`no node serves slot ${slot} of "${key}"`);
      // Each range is [first, last, master, ...replicas], every node as [host, port, id].
      return (range.slice(2) as [string, number, string][]).map(([, port]) => port);
    };
    const handle: RedisClusterHandle = {
      url: `redis-cluster://${nodes.map((n) => `127.0.0.1:${n.port}`).join(',')}`,
      nodes,
      client: () => {
        const redis = openRedis(handle.url, 'test-cluster-client', pino({ level: 'silent' }));
        clients.push(redis);
        return redis;
      },
      ownerOf: async (key) => byPort((await slotOwners(key))[0]!)!,
      failover: async (key, failoverOptions = {}) => {
        const [masterPort, ...replicaPorts] = await slotOwners(key);
        const master = byPort(masterPort!)!;
        if (replicaPorts.length === 0) throw new Error(`the master of "${key}" has no replica to promote`);
        const target = (await replication(probe(master.port))).offset;
        await waitFor('the replicas to hold every acknowledged write', async () =>
          (await Promise.all(replicaPorts.map(async (p) => (await replication(probe(p))).offset))).some((offset) => offset >= target),
        );
        const started = Date.now();
        const child = processes.get(master.port)!;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
        master.alive = false;
        failoverOptions.afterKill?.();
        probes.get(master.port)?.disconnect();
        probes.delete(master.port);
        let promoted = 0;
        await waitFor('a replica to be promoted and the cluster to be ok again', async () => {
          for (const port of replicaPorts) if ((await replication(probe(port))).role === 'master') promoted = port;
          if (!promoted) return false;
          const states = await Promise.all(live().map((n) => clusterState(probe(n.port))));
          return states.every((s) => s.ok) && (await slotOwners(key))[0] === promoted;
        });
        return { from: master.port, to: promoted, ms: Date.now() - started };
      },
      stop,
    };
    return handle;
  } catch (error) {
    await stop();
    throw error;
  }
}

async function spawnNode(dir: string): Promise<{ port: number; child: ChildProcess }> {
  await mkdir(dir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    // The cluster bus gets its own free port (Redis 7 `cluster-port`), not the default port + 10000.
    const [port, busPort] = [await freePort(), await freePort()];
    const child = spawn(
      'redis-server',
      [
        '--port', String(port), '--cluster-port', String(busPort), '--bind', '127.0.0.1', '--dir', dir,
        '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', String(NODE_TIMEOUT_MS),
        // Always let a replica take over, however long its link was down: these nodes live seconds.
        '--cluster-replica-validity-factor', '0',
        // A replica's first sync starts at once instead of waiting 5 s for more replicas to batch with.
        '--repl-diskless-sync-delay', '0',
        // CLUSTER SLOTS hides a replica that has received nothing yet (offset 0); a ping every second gets it there.
        '--repl-ping-replica-period', '1',
        '--appendonly', 'yes', '--save', '', '--loglevel', 'warning',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    trackChild(child);
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const failed = await new Promise<string | undefined>((resolve) => {
      child.once('error', (e) => resolve(`redis-server could not start (is it installed? run ./admin up): ${e.message}`));
      child.once('exit', (code) => resolve(`redis-server exited with ${code}: ${output.trim()}`));
      // Port clashes show within milliseconds; a node still running after this is listening or about to.
      setTimeout(() => resolve(undefined), 150);
    });
    if (!failed) return { port, child };
    if (attempt >= 3) throw new Error(failed);
  }
}

type SlotRange = [first: number, last: number, ...nodes: [host: string, port: number, id: string][]];

async function slotRanges(redis: Redis): Promise<SlotRange[]> {
  return (await redis.call('CLUSTER', 'SLOTS')) as SlotRange[];
}

async function clusterState(redis: Redis): Promise<{ ok: boolean; knownNodes: number }> {
  const info = String(await redis.call('CLUSTER', 'INFO').catch(() => ''));
  return { ok: /cluster_state:ok/.test(info), knownNodes: Number(/cluster_known_nodes:(\d+)/.exec(info)?.[1] ?? 0) };
}

async function replication(redis: Redis): Promise<{ role: string; linkUp: boolean; offset: number }> {
  const info = await redis.info('replication').catch(() => '');
  const role = /role:(\w+)/.exec(info)?.[1] ?? 'unknown';
  // A master's own offset is master_repl_offset; a replica reports how far it has processed as slave_repl_offset.
  const offset = Number((role === 'master' ? /master_repl_offset:(\d+)/ : /slave_repl_offset:(\d+)/).exec(info)?.[1] ?? -1);
  return { role, linkUp: /master_link_status:up/.test(info), offset };
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
