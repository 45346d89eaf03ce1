import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishEvent } from '@marketswarm/shared/bus';
import { decodeStreamEntry, formatEventIssues } from '@marketswarm/shared/events';
import { loadRepoTruth, repoRoot, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '@marketswarm/shared/testing';
import type { PublicTruth } from '@marketswarm/shared/truth';

const STREAM = '{intel}:stream:intel';

describe('intel producer sample (real Redis, real process)', () => {
  let redis: RedisTrio | undefined;
  let producer: ServiceProcess | undefined;

  afterEach(async () => {
    await producer?.stop();
    await redis?.stop();
    producer = undefined;
    redis = undefined;
  });

  async function start(feeds: Array<{ url: string; name?: string }>): Promise<{ trio: RedisTrio; truth: PublicTruth }> {
    const trio = await startRedisTrio();
    redis = trio;
    const { truth } = await loadRepoTruth(trio.system.client(), {
      patch: (t) => {
        t.components['intel']!.settings = { ...t.components['intel']!.settings, feeds };
      },
    });
    return { trio, truth };
  }

  const items = async (trio: RedisTrio) =>
    (await trio.intel.client().xrange(STREAM, '-', '+')).map(([, fields]) => {
      const decoded = decodeStreamEntry(fields);
      if (!decoded.ok) throw new Error(formatEventIssues(decoded.issues));
      return decoded.event.data;
    });

  async function waitForItems(trio: RedisTrio, count: number): Promise<Array<Record<string, unknown>>> {
    const deadline = Date.now() + 15_000;
    while ((await trio.intel.client().xlen(STREAM)) < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return items(trio);
  }

  const spot = (truth: PublicTruth, trio: RedisTrio, symbol: string, price: number) =>
    publishEvent(trio.market.client(), truth.topics['spot']!, { topic: 'spot', type: 'tick', ts: Date.now(), data: { symbol, price } });

  it('writes the sample around the prices in the market snapshot, recent and marked sample, when truth lists no feeds', async () => {
    const { trio, truth } = await start([]);
    await spot(truth, trio, 'SPX', 5004.37);
    await spot(truth, trio, 'VIX', 14.62);
    producer = await startServiceProcess({ dir: 'services/intel', env: trio.env });
    const got = await waitForItems(trio, 4);
    expect(got.map((i) => i['title'])).toEqual([
      'VIX stays subdued near 14.62',
      'SPX holds 5,000, with 5,050 overhead',
      '0DTE butterflies cluster at the SPX 5,005 strike',
      'Sample intel, written around the simulated market',
    ]);
    for (const item of got) {
      expect(item).toMatchObject({ sample: true, source: expect.stringMatching(/Sample/) as unknown });
      expect(Date.now() - Number(item['published'])).toBeLessThan(2 * 3_600_000);
    }
    // A restart the same day writes nothing twice.
    await producer.stop();
    producer = await startServiceProcess({ dir: 'services/intel', env: trio.env });
    await spot(truth, trio, 'SPX', 5010);
    expect(await trio.intel.client().xlen(STREAM)).toBe(4);
  });

  it('waits for the first spot price when the market has none yet', async () => {
    const { trio, truth } = await start([]);
    producer = await startServiceProcess({ dir: 'services/intel', env: trio.env });
    expect(await trio.intel.client().xlen(STREAM)).toBe(0);
    await spot(truth, trio, 'NDX', 17_512.8);
    const got = await waitForItems(trio, 2);
    expect(got.map((i) => i['title'])).toEqual(['Megacap tech keeps NDX near 17,500', 'Sample intel, written around the simulated market']);
  });

  it('publishes the configured feeds and no sample when truth lists feeds', async () => {
    const { trio, truth } = await start([{ url: `file://${path.join(repoRoot, 'services/intel/fixtures/feeds/market-wire.rss.xml')}` }]);
    await spot(truth, trio, 'SPX', 5004.37);
    producer = await startServiceProcess({ dir: 'services/intel', env: trio.env });
    const got = await waitForItems(trio, 4);
    expect(got.map((i) => i['source'])).toEqual(Array<string>(4).fill('MarketSwarm Test Wire'));
    expect(got.some((i) => i['sample'] === true)).toBe(false);
  });
});
