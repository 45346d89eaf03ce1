import { compileRepoTruthSync } from '@marketswarm/shared/testing';
import { describe, expect, it } from 'vitest';
import type { Pm2Process } from '../pm2/pm2-cli.js';
import { gatewaysReady } from './gateway-readiness.js';

const { truth } = compileRepoTruthSync();

const online = (name: string): Pm2Process => ({ name, pid: 1, status: 'online', restarts: 0, uptimeMs: 1, memoryBytes: 1 });
const env = { MS_SSE_INSTANCES: '3', MS_SSE_PORT: '41000' };

describe(gatewaysReady.name, () => {
  it('is ready at once with one gateway: the stack status follows the first', async () => {
    expect(await gatewaysReady(truth, [], {}, () => Promise.reject(new Error('no probe expected')))).toBe(true);
  });

  it('waits for every further instance to be online in pm2 and to answer /health on its own port', async () => {
    const asked: string[] = [];
    const probe = (url: string) => {
      asked.push(url);
      return Promise.resolve(url.includes(':41020/') ? 200 : 503);
    };
    expect(await gatewaysReady(truth, [online('fotw-sse-2'), online('fotw-sse-3')], env, probe)).toBe('waiting for fotw-sse-3 (/health 503)');
    expect(asked).toEqual(['http://127.0.0.1:41020/health', 'http://127.0.0.1:41040/health']);
    expect(await gatewaysReady(truth, [online('fotw-sse-2')], env, () => Promise.resolve(200))).toBe('waiting for fotw-sse-3 (not started)');
    expect(await gatewaysReady(truth, [online('fotw-sse-2'), online('fotw-sse-3')], env, () => Promise.reject(new Error('refused')))).toBe(
      'waiting for fotw-sse-2 (/health unreachable), fotw-sse-3 (/health unreachable)',
    );
  });

  it('is ready when every instance answers 200', async () => {
    expect(await gatewaysReady(truth, [online('fotw-sse-2'), online('fotw-sse-3')], env, () => Promise.resolve(200))).toBe(true);
  });
});
