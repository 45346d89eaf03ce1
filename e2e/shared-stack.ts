import { readFile, rm, writeFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { H2Client } from './h2-client.js';
import { attachTestStack, startTestStack, stopTestStackAt, testStackAddress, type TestStack, type TestStackAddress, type TestStackOptions } from '@marketswarm/shared/testing';

const READY_TIMEOUT_MS = 90_000;

/**
 * The stack shared by the end-to-end files that only use it as traders and admins would: each
 * signs in its own fresh accounts, so files cannot see each other's data. Files that break the
 * stack on purpose (chaos, pm2 restarts, a hung Redis) start their own with `ownTestStack`.
 * A file may still kill a process pm2 restarts (the workspace's gateway crash); the next file
 * waits until every process is back online and nginx answers before it starts.
 *
 * The returned handle's `stop()` only closes its own Redis connections; the suite's teardown
 * (shared-stack.global.ts) takes the stack down.
 */
export async function sharedTestStack(): Promise<TestStack> {
  const file = inject('sharedStackFile');
  const recorded = await recordedAddress(file);
  if (!recorded) {
    const started = await startTestStack();
    await writeFile(file, JSON.stringify(testStackAddress(started)));
    return attachTestStack(testStackAddress(started));
  }
  const stack = attachTestStack(recorded);
  await untilSettled(stack);
  return stack;
}

/** Every pm2 process online and the gateway answering through nginx. */
async function untilSettled(stack: TestStack): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last: string;
  for (;;) {
    try {
      const processes = JSON.parse(await stack.pm2(['jlist'])) as { name: string; pm2_env: { status: string; cron_restart?: string } }[];
      // Cron jobs (the nightly backup) are stopped between runs by design.
      const down = processes.filter((p) => p.pm2_env.status !== 'online' && !p.pm2_env.cron_restart).map((p) => `${p.name} ${p.pm2_env.status}`);
      const client = new H2Client(stack.nginxUrl);
      const health = await client
        .request('/api/health')
        .then((r) => r.status)
        .catch((error: unknown) => String(error))
        .finally(() => client.close());
      if (down.length === 0 && health === 200) return;
      last = `not online: ${down.join(', ') || 'none'}; nginx /api/health: ${health}`;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) throw new Error(`the shared stack did not settle within ${READY_TIMEOUT_MS} ms: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * A stack of this file's own, for a file that breaks it on purpose (listed in OWN_STACK_FILES).
 * The shared stack is taken down first: left idling, its producers would compete for the two
 * cores with the faults this file measures. A shared file that runs later starts it again.
 */
export async function ownTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const file = inject('sharedStackFile');
  const recorded = await recordedAddress(file);
  if (recorded) {
    await rm(file, { force: true });
    await stopTestStackAt(recorded);
  }
  return startTestStack(options);
}

/** The shared stack's address, when a file has started it. */
async function recordedAddress(file: string): Promise<TestStackAddress | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as TestStackAddress);
}
