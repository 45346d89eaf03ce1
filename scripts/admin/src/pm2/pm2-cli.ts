import { execFile, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { CliError } from '../ui/output.js';

const run = promisify(execFile);

/** pm2 from this workspace's node_modules, so the CLI never depends on a global install. */
function pm2Bin(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('pm2/package.json')), 'bin/pm2');
}

export async function pm2(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [pm2Bin(), ...args], { env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new CliError(`pm2 ${args.join(' ')} failed: ${(e.stderr || e.stdout || e.message).trim()}`);
  }
}

/** Streams pm2's output straight to the terminal (logs). */
export function pm2Interactive(args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [pm2Bin(), ...args], { stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const processSchema = z.object({
  name: z.string(),
  pid: z.number().nullable().optional(),
  pm2_env: z.object({
    status: z.string(),
    restart_time: z.number().optional(),
    pm_uptime: z.number().optional(),
    unstable_restarts: z.number().optional(),
  }),
  monit: z.object({ memory: z.number().optional(), cpu: z.number().optional() }).optional(),
});

export interface Pm2Process {
  name: string;
  pid: number | null;
  status: string;
  restarts: number;
  uptimeMs: number | null;
  memoryBytes: number | null;
}

export function parseJlist(stdout: string, now = Date.now()): Pm2Process[] {
  // pm2 prints `[PM2] Spawning…` banners before the JSON when the call starts its daemon: the JSON
  // is the line that opens an array of objects (or an empty one), not the first '['.
  const start = stdout.search(/^\[\s*(\{|\])/m);
  const parsed = z.array(processSchema).safeParse(JSON.parse(start >= 0 ? stdout.slice(start) : '[]'));
  if (!parsed.success) throw new CliError(`unexpected pm2 jlist output: ${parsed.error.message}`);
  return parsed.data.map((p) => ({
    name: p.name,
    pid: p.pid && p.pid > 0 ? p.pid : null,
    status: p.pm2_env.status,
    restarts: p.pm2_env.restart_time ?? 0,
    uptimeMs: p.pm2_env.status === 'online' && p.pm2_env.pm_uptime ? now - p.pm2_env.pm_uptime : null,
    memoryBytes: p.monit?.memory ?? null,
  }));
}

export async function pm2List(): Promise<Pm2Process[]> {
  return parseJlist(await pm2(['jlist']));
}
