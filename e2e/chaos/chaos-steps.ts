import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestStack } from '@marketswarm/shared/testing';
import type { ChaosAction } from './chaos-plan.js';
import { sleep } from './steady-publisher.js';

const exec = promisify(execFile);

export type StackControl = Pick<TestStack, 'pm2' | 'pm2Process' | 'env' | 'ports'>;

/** How long pm2 may take to bring a killed or restarted process back before the step fails. */
const BACK_ONLINE_MS = 30_000;

export interface FaultOutcome {
  /** From the fault until the faulted process accepted TCP connections again (processes with a port). */
  listeningAfterMs?: number;
}

/**
 * Performs one fault and returns once the faulted part is back (pm2 shows a new pid online, and a
 * process with a port accepts connections). `faultAt` is called at the instant the fault happens,
 * so recovery is measured from there and not from the bookkeeping around it.
 */
export async function performFault(action: ChaosAction, stack: StackControl, cutClients: () => void, faultAt: () => number): Promise<FaultOutcome> {
  switch (action.kind) {
    case 'kill-9': {
      const before = await stack.pm2Process(action.process);
      if (!before || before.pid <= 0) throw new Error(`${action.process} is not running: nothing to kill`);
      const at = faultAt();
      process.kill(before.pid, 'SIGKILL');
      await backOnline(stack, action.process, before.pid);
      return listeningAgain(stack, action.process, at);
    }
    case 'restart': {
      const before = await stack.pm2Process(action.process);
      const at = faultAt();
      await stack.pm2(['restart', action.process]);
      await backOnline(stack, action.process, before?.pid ?? 0);
      return listeningAgain(stack, action.process, at);
    }
    case 'reload-nginx': {
      // The command an operator types, against this stack's own prefix and config.
      const prefix = path.join(stack.env['MS_RUN_DIR']!, 'nginx');
      faultAt();
      await exec(nginxBinary(), ['-e', path.join(prefix, 'error.log'), '-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-s', 'reload']);
      return {};
    }
    case 'cut-clients':
      faultAt();
      cutClients();
      return {};
  }
}

/** Debian's nginx lives in /usr/sbin, which a non-root PATH may lack. */
function nginxBinary(): string {
  return ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((p) => existsSync(p)) ?? 'nginx';
}

async function backOnline(stack: StackControl, name: string, oldPid: number): Promise<void> {
  const deadline = Date.now() + BACK_ONLINE_MS;
  for (;;) {
    const now = await stack.pm2Process(name);
    if (now && now.status === 'online' && now.pid > 0 && now.pid !== oldPid) return;
    if (Date.now() > deadline) throw new Error(`${name} did not come back online within ${BACK_ONLINE_MS} ms (pm2: ${JSON.stringify(now)})`);
    await sleep(200);
  }
}

/** pm2 says online as soon as it spawns; a client waits until the process listens (its boot). */
async function listeningAgain(stack: StackControl, name: string, at: number): Promise<FaultOutcome> {
  const port = stack.ports[name.replace(/^fotw-/, '')];
  if (port === undefined) return {};
  const deadline = Date.now() + BACK_ONLINE_MS;
  while (!(await accepts(port))) {
    if (Date.now() > deadline) throw new Error(`${name} did not listen on ${port} within ${BACK_ONLINE_MS} ms`);
    await sleep(50);
  }
  return { listeningAfterMs: Date.now() - at };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
