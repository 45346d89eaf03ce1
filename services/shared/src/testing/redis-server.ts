import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';
import { trackChild } from './child-registry.js';

export interface RedisServerHandle {
  port: number;
  url: string;
  pid: number;
  client(): Redis;
  stop(): Promise<void>;
}

export interface RedisServerOptions {
  /** AOF on or off; with a confFile and no value, the conf file decides. */
  appendonly?: boolean;
  /** A redis.conf to start from (the stack's scripts/redis/*.conf); port, bind and dir still come from here. */
  confFile?: string;
  /** A fixed port, to start a server again where its clients expect it; a free one when absent. */
  port?: number;
  /** A data folder the caller owns and keeps across restarts; a temp folder, removed on stop, when absent. */
  dir?: string;
}

/** Starts a throwaway redis-server on a free loopback port with its data in a temp folder. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServerHandle> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await tryStart(options);
    } catch (error) {
      // Another process may take a free port between the probe and the bind: retry on a new one.
      if (attempt >= 3 || options.port !== undefined) throw error;
    }
  }
}

async function tryStart(options: RedisServerOptions): Promise<RedisServerHandle> {
  const port = options.port ?? (await freePort());
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), 'ms-redis-')));
  const persistence = options.confFile ? (options.appendonly === undefined ? [] : ['--appendonly', options.appendonly ? 'yes' : 'no']) : ['--save', '', '--appendonly', options.appendonly ? 'yes' : 'no'];
  const child = spawn(
    'redis-server',
    [...(options.confFile ? [options.confFile] : []), '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, ...persistence, '--loglevel', 'warning'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  trackChild(child);
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const spawnError = new Promise<never>((_, reject) => {
    child.once('error', (e) => reject(new Error(`redis-server could not start (is it installed? run ./admin up): ${e.message}`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output.trim()}`)));
  });
  const url = `redis://127.0.0.1:${port}`;
  const clients: Redis[] = [];
  await Promise.race([spawnError, waitForPing(port)]);
  spawnError.catch(() => undefined);
  return {
    port,
    url,
    pid: child.pid ?? -1,
    client: () => {
      const c = new Redis(url, { maxRetriesPerRequest: 1 });
      c.on('error', () => undefined);
      clients.push(c);
      return c;
    },
    stop: async () => {
      for (const c of clients.splice(0)) c.disconnect();
      // A server that exited on its own (SHUTDOWN) or was stopped before has nothing left to kill.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
      if (options.dir === undefined) await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPing(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      // PING answers LOADING while an AOF is replayed: ready only once it answers PONG.
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      // not listening yet, or still loading
    } finally {
      probe.disconnect();
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 10 s`);
}
