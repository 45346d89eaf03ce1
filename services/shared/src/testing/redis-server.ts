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

/** Starts a throwaway redis-server on a free loopback port with its data in a temp folder. */
export async function startRedisServer(options: { appendonly?: boolean } = {}): Promise<RedisServerHandle> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await tryStart(options);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

async function tryStart(options: { appendonly?: boolean }): Promise<RedisServerHandle> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'ms-redis-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', options.appendonly ? 'yes' : 'no', '--loglevel', 'warning'],
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
      for (const c of clients) c.disconnect();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
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
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      // not listening yet
    } finally {
      probe.disconnect();
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 10 s`);
}
