import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { freePort } from '@marketswarm/shared/testing';
import type { ReadyOn, Target } from './load-protocol.js';
import type { ServerKind } from './options.js';
import { spawnLimited, type BenchProcess } from './processes.js';
import { httpSink, type Sink } from './publisher.js';

/** One server under test, started fresh for each scenario. */
export interface BenchServer {
  kind: ServerKind;
  /** What runs, for the report (processes, workers). */
  description: string;
  /** Where subscribers connect; the load generator spreads them over these in turn. */
  targets: Target[];
  readyOn: ReadyOn;
  sink: Sink;
  /** Every process whose CPU and RSS count as the server's (read at each sample: nginx workers included). */
  pids(): number[];
  /** Processes measured on the side, not counted as the server (Redis for ours). */
  sidePids(): number[];
  stop(): Promise<void>;
  /** Stops every server process with `signal` and starts it again on the same port (ours only). */
  restart?(signal: NodeJS.Signals): Promise<{ stoppedAt: number; healthyAt: number }>;
}

export async function waitUntil(what: string, check: () => Promise<boolean>, proc: BenchProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!proc.isRunning()) throw new Error(`${proc.name} exited before ${what}:\n${proc.output()}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${proc.name}: no ${what} within ${timeoutMs} ms:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url);
  await res.arrayBuffer();
  return res.ok;
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The bare node:http broadcaster (baseline-server.ts), one process. */
export async function startBaseline(nofile: number): Promise<BenchServer> {
  const port = await freePort();
  const script = fileURLToPath(new URL('./baseline-server.js', import.meta.url));
  const proc = spawnLimited('baseline', [process.execPath, script], { env: { PATH: process.env['PATH'] ?? '', PORT: String(port) }, nofile });
  await waitUntil('health answer', () => httpOk(`http://127.0.0.1:${port}/health`), proc);
  const sink = httpSink(`http://127.0.0.1:${port}/pub`);
  return {
    kind: 'baseline',
    description: `node:http broadcaster, 1 process (pid ${proc.pid}), port ${port}`,
    targets: [{ host: '127.0.0.1', port, path: '/sub', headers: {} }],
    readyOn: 'headers',
    sink,
    pids: () => [proc.pid],
    sidePids: () => [],
    stop: async () => {
      sink.close();
      await proc.stop();
    },
  };
}
