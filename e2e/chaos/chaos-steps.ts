import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestStack } from '@marketswarm/shared/testing';
import type { ChaosAction } from './chaos-plan.js';
import { sleep } from './steady-publisher.js';

const exec = promisify(execFile);

export type StackControl = Pick<TestStack, 'pm2' | 'pm2Process' | 'env'>;

/** How long pm2 may take to bring a killed or restarted process back before the step fails. */
const BACK_ONLINE_MS = 30_000;

/**
 * Performs one fault and returns once the faulted part is back (pm2 shows a new pid online).
 * `faultAt` is called at the instant the fault happens, so recovery is measured from there and
 * not from the bookkeeping around it.
 */
export async function performFault(action: ChaosAction, stack: StackControl, cutClients: () => void, faultAt: () => void): Promise<void> {
  switch (action.kind) {
    case 'kill-9': {
      const before = await stack.pm2Process(action.process);
      if (!before || before.pid <= 0) throw new Error(`${action.process} is not running: nothing to kill`);
      faultAt();
      process.kill(before.pid, 'SIGKILL');
      await backOnline(stack, action.process, before.pid);
      return;
    }
    case 'restart': {
      const before = await stack.pm2Process(action.process);
      faultAt();
      await stack.pm2(['restart', action.process]);
      await backOnline(stack, action.process, before?.pid ?? 0);
      return;
    }
    case 'reload-nginx': {
      // The same command an operator types, against this stack's own prefix and config.
      const prefix = path.join(stack.env['MS_RUN_DIR']!, 'nginx');
      faultAt();
      await exec('nginx', ['-e', path.join(prefix, 'error.log'), '-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-s', 'reload'], { env: { ...process.env, PATH: `${process.env['PATH'] ?? ''}:/usr/sbin:/usr/local/sbin` } });
      return;
    }
    case 'cut-clients':
      faultAt();
      cutClients();
      return;
  }
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
