import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';

/**
 * Every process the benchmark starts goes through here: it runs as `bash -c 'ulimit -n N && exec …'`
 * (so the file limit is raised before the program starts, and the pid stays the program's own), in
 * its own process group (so nginx workers go down with their master), and it is killed on exit,
 * on Ctrl-C and on failure.
 */
export interface BenchProcess {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Last few KiB of stdout+stderr (when they are piped and not consumed elsewhere). */
  output(): string;
  exited: Promise<number | null>;
  isRunning(): boolean;
  /** `signal` to the program, then SIGKILL to its whole group after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

const running = new Set<BenchProcess>();
const cleanups: (() => Promise<void>)[] = [];
let hooked = false;
let cleaningUp: Promise<void> | undefined;

export interface SpawnOptions {
  env: Record<string, string>;
  cwd?: string;
  nofile: number;
  /** Defaults to ignore stdin, pipe stdout and stderr into `output()`. */
  stdio?: StdioOptions;
  captureOutput?: boolean;
}

export function spawnLimited(name: string, command: readonly string[], options: SpawnOptions): BenchProcess {
  hookExit();
  const child = spawn('bash', ['--norc', '--noprofile', '-c', `ulimit -n ${options.nofile} && exec "$@"`, 'bash', ...command], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${name} could not be started`);
  let output = '';
  const keep = (d: Buffer): void => {
    output = (output + d.toString()).slice(-8192);
  };
  if (options.captureOutput !== false) {
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  const pid = child.pid;
  const handle: BenchProcess = {
    name,
    pid,
    child,
    output: () => output,
    exited,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    stop: async (signal = 'SIGTERM', graceMs = 5000) => {
      if (handle.isRunning()) {
        try {
          process.kill(pid, signal);
        } catch {
          // already gone
        }
        const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
        await Promise.race([exited, timer]);
      }
      killGroup(pid, 'SIGKILL');
      running.delete(handle);
    },
  };
  running.add(handle);
  void exited.then(() => {
    // the group may still hold children (nginx workers): they go with it
    killGroup(pid, 'SIGKILL');
  });
  return handle;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is empty
  }
}

/** Async cleanup (stop Redis, remove temp folders) run once at the end, also after Ctrl-C or a failure. */
export function onCleanup(fn: () => Promise<void>): void {
  hookExit();
  cleanups.push(fn);
}

export function cleanupAll(): Promise<void> {
  cleaningUp ??= (async () => {
    await Promise.all([...running].map((p) => p.stop('SIGTERM', 3000).catch(() => undefined)));
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  })();
  return cleaningUp;
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  // Last resort: whatever is still running when the process exits is killed with its group.
  process.once('exit', () => {
    for (const p of running) killGroup(p.pid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping every process the benchmark started…\n`);
      const force = setTimeout(() => process.exit(130), 10_000);
      force.unref();
      void cleanupAll().finally(() => process.exit(130));
    });
  }
}
