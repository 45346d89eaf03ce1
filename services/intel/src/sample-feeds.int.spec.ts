import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStreamEntry, formatEventIssues } from '@marketswarm/shared/events';
import { loadRepoTruth, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '@marketswarm/shared/testing';

describe('intel producer with the repository truth', () => {
  let redis: RedisTrio;
  let producer: ServiceProcess;

  beforeAll(async () => {
    redis = await startRedisTrio();
    await loadRepoTruth(redis.system.client());
    producer = await startServiceProcess({ dir: 'services/intel', env: redis.env });
  });

  afterAll(async () => {
    await producer?.stop();
    await redis?.stop();
  });

  it('publishes the shipped sample feeds, so a fresh stack has intel offline', async () => {
    const intel = redis.intel.client();
    const deadline = Date.now() + 10_000;
    while ((await intel.xlen('{intel}:stream:intel')) < 7 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const entries = await intel.xrange('{intel}:stream:intel', '-', '+');
    const sources = entries.map(([, fields]) => {
      const decoded = decodeStreamEntry(fields);
      if (!decoded.ok) throw new Error(formatEventIssues(decoded.issues));
      return (decoded.event.data as Record<string, unknown>)['source'];
    });
    expect(sources.sort()).toEqual([...Array<string>(3).fill('MarketSwarm Desk Notes'), ...Array<string>(4).fill('MarketSwarm Sample Wire')]);
  });
});
