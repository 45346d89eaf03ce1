import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopTestStackAt, type TestStackAddress } from '@marketswarm/shared/testing';

declare module 'vitest' {
  interface ProvidedContext {
    /** Where the first end-to-end file that needs the shared stack records its address. */
    sharedStackFile: string;
  }
}

/**
 * The end-to-end files that leave a stack as they found it share one (see shared-stack.ts): a stack
 * costs about half a minute to bring up on two cores. The first of them starts it; this teardown
 * takes it down after the last file, whichever files ran.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(tmpdir(), 'ms-e2e-shared-'));
  const file = path.join(folder, 'stack.json');
  project.provide('sharedStackFile', file);
  return async () => {
    try {
      const recorded = await readFile(file, 'utf8').catch(() => undefined);
      if (recorded) await stopTestStackAt(JSON.parse(recorded) as TestStackAddress);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  };
}
