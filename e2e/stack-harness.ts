import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, repoRoot, runAdmin, type AdminRun } from '@marketswarm/shared/testing';

const exec = promisify(execFile);

export interface TestStack {
  env: Record<string, string>;
  ports: Record<string, number>;
  nginxUrl: string;
  /** What `./admin up` printed (URLs, demo login). */
  upOutput: string;
  admin(args: readonly string[], timeoutMs?: number): Promise<AdminRun>;
  pm2(args: readonly string[]): Promise<string>;
  logs(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A whole second stack under its own pm2 daemon (PM2_HOME), run folder and free ports, brought up
 * with the real `./admin up` — never the developer's running stack.
 */
export async function startTestStack(): Promise<TestStack> {
  const work = await mkdtemp(path.join(tmpdir(), 'ms-stack-'));
  const components = await readdir(path.join(repoRoot, 'truth/components'));
  const ports: Record<string, number> = {};
  const env: Record<string, string> = { MS_RUN_DIR: path.join(work, 'run'), PM2_HOME: path.join(work, 'pm2'), LOG_LEVEL: 'warn' };
  for (const file of components) {
    const component = JSON.parse(await readFile(path.join(repoRoot, 'truth/components', file), 'utf8')) as { id: string; listen?: { env: string } };
    if (!component.listen) continue;
    ports[component.id] = await freePort();
    env[component.listen.env] = String(ports[component.id]);
  }
  const pm2Bin = path.join(repoRoot, 'node_modules/pm2/bin/pm2');
  const stack: TestStack = {
    env,
    ports,
    nginxUrl: `https://127.0.0.1:${ports['nginx']}`,
    upOutput: '',
    admin: (args, timeoutMs) => runAdmin(args, env, { timeoutMs: timeoutMs ?? 60_000 }),
    pm2: async (args) => (await exec(process.execPath, [pm2Bin, ...args], { env: { ...process.env, ...env } })).stdout,
    logs: async () => {
      const dir = path.join(env['MS_RUN_DIR']!, 'logs');
      const files = await readdir(dir).catch(() => []);
      const parts = await Promise.all(files.map(async (f) => `--- ${f}\n${(await readFile(path.join(dir, f), 'utf8')).slice(-3000)}`));
      return parts.join('\n');
    },
    stop: async () => {
      await runAdmin(['down', '--kill'], env, { timeoutMs: 60_000 });
      await rm(work, { recursive: true, force: true });
    },
  };
  const up = await stack.admin(['up', '--no-install', '--timeout', '90'], 180_000);
  if (up.code !== 0) {
    const logs = await stack.logs();
    await stack.stop();
    throw new Error(`./admin up failed (${up.code}):\n${up.stderr}\n${up.stdout}\n${logs}`);
  }
  stack.upOutput = up.stdout;
  return stack;
}
