import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './free-port.js';
import { repoRoot } from './repo-root.js';
import { trackChild } from './child-registry.js';

export interface ServiceProcess {
  port: number;
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL, like a crash: no heartbeat cleanup, no graceful close. */
  kill(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
}

/**
 * Starts a built service (`<dir>/dist/main.js`) as a real child process on a free port and waits
 * until `healthPath` answers 200.
 */
export async function startServiceProcess(options: {
  dir: string;
  env: Record<string, string>;
  healthPath?: string;
  port?: number;
  timeoutMs?: number;
}): Promise<ServiceProcess> {
  const port = options.port ?? (await freePort());
  const script = path.join(repoRoot, options.dir, 'dist/main.js');
  const child = spawn(process.execPath, [script], {
    cwd: repoRoot,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...options.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.dir} exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}${options.healthPath ?? '/health'}`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.dir} did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    port,
    url,
    child,
    output: () => output,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
