import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEvent } from '@marketswarm/shared/bus';
import { decodeStreamEntry } from '@marketswarm/shared/events';
import { loadRepoTruth, repoRoot, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '@marketswarm/shared/testing';
import type { PublicTruth } from '@marketswarm/shared/truth';

const VEXY = '{intel}:stream:vexy';

describe('vexy play-by-play (real Redis, real process)', () => {
  let redis: RedisTrio;
  let producer: ServiceProcess;
  let truth: PublicTruth;

  const lines = async () =>
    (await redis.intel.client().xrange(VEXY, '-', '+')).map(([, fields]) => {
      const decoded = decodeStreamEntry(fields);
      if (!decoded.ok) throw new Error(`invalid envelope: ${JSON.stringify(decoded.issues)}`);
      return decoded.event;
    });
  const texts = async () => (await lines()).map((e) => String((e.data as Record<string, unknown>)['text']));

  async function waitForText(pattern: RegExp): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!(await texts()).some((t) => pattern.test(t))) {
      if (Date.now() > deadline) throw new Error(`no vexy line matching ${pattern}; got ${JSON.stringify(await texts())}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    redis = await startRedisTrio();
    const feeds = ['market-wire.rss.xml', 'desk-notes.atom.xml'].map((f) => ({ url: `file://${path.join(repoRoot, 'services/intel/fixtures/feeds', f)}` }));
    truth = (
      await loadRepoTruth(redis.system.client(), {
        patch: (t) => {
          t.components['intel']!.settings = { ...t.components['intel']!.settings, feeds };
        },
      })
    ).truth;
    producer = await startServiceProcess({ dir: 'services/intel', env: redis.env });
  });

  afterAll(async () => {
    await producer?.stop();
    await redis?.stop();
  });

  it('comments on new intel about watched symbols from the configured feeds, as valid vexy envelopes', async () => {
    await waitForText(/^News on VIX, SPX: VIX slips under 14/);
    const all = await lines();
    for (const e of all) expect(e.topic).toBe('vexy');
    expect(all.filter((e) => e.type === 'intel')).toHaveLength(6);
  });

  it('calls a spot crossing of a round level and a mode change, skipping a malformed market entry', async () => {
    const market = redis.market.client();
    const spot = truth.topics['spot']!;
    const mode = truth.topics['mode']!;
    await market.xadd(spot.stream, '*', 'e', '{not json');
    await publishEvent(market, spot, { topic: 'spot', type: 'tick', ts: Date.now(), data: { symbol: 'SPX', price: 5990 } });
    await publishEvent(market, spot, { topic: 'spot', type: 'tick', ts: Date.now(), data: { symbol: 'SPX', price: 6010 } });
    await publishEvent(market, mode, { topic: 'mode', type: 'mode', ts: Date.now(), data: { mode: 'compression', score: 20 } });
    await publishEvent(market, mode, { topic: 'mode', type: 'mode', ts: Date.now(), data: { mode: 'expansion', score: 75 } });
    await waitForText(/^Market mode shifts from compression to expansion \(score 75\)$/);
    const got = await texts();
    expect(got).toContain('SPX crosses above 6,000 (6,010.00)');
    expect(got.filter((t) => /crosses|drops|mode shifts/.test(t))).toEqual(['SPX crosses above 6,000 (6,010.00)', 'Market mode shifts from compression to expansion (score 75)']);
    expect(got.join('\n')).not.toMatch(/<[a-z/]/i);
  });

  it('calls a level once while spot jitters around it, and names a GEX wall crossing as the GEX panel does', async () => {
    const market = redis.market.client();
    const spot = truth.topics['spot']!;
    const gex = truth.topics['gex']!;
    const tick = (price: number) => publishEvent(market, spot, { topic: 'spot', type: 'tick', ts: Date.now(), data: { symbol: 'SPX', price } });
    for (const price of [5995, 6004, 5997, 6003, 5996]) await tick(price);
    await publishEvent(market, gex, { topic: 'gex', type: 'gex', ts: Date.now(), data: { symbol: 'SPX', spot: 5996, strikes: [], callWall: 6020, putWall: 5950, flip: 5990 } });
    await tick(6025);
    await waitForText(/^SPX crosses above the call wall 6,020 \(6,025\.00\)$/);
    expect((await texts()).filter((t) => /^SPX (crosses|drops)/.test(t))).toEqual(['SPX crosses above 6,000 (6,010.00)', 'SPX crosses above the call wall 6,020 (6,025.00)']);
  });

  it('numbers every line with consecutive seq, and continues the numbering after a restart', async () => {
    const seqs = async () => (await lines()).map((e) => (e.data as Record<string, unknown>)['seq']);
    const before = await seqs();
    expect(before).toEqual(before.map((_, i) => i));
    expect(before.length).toBeGreaterThanOrEqual(9); // six intel lines, a level, a mode change and a wall

    expect(await producer.stop()).toBe(0);
    producer = await startServiceProcess({ dir: 'services/intel', env: redis.env });
    const market = redis.market.client();
    const spot = truth.topics['spot']!;
    await publishEvent(market, spot, { topic: 'spot', type: 'tick', ts: Date.now(), data: { symbol: 'SPX', price: 6010 } });
    await publishEvent(market, spot, { topic: 'spot', type: 'tick', ts: Date.now(), data: { symbol: 'SPX', price: 5995 } });
    await waitForText(/^SPX drops below 6,000 \(5,995\.00\)$/);
    const after = await lines();
    expect(after.map((e) => (e.data as Record<string, unknown>)['seq'])).toEqual(after.map((_, i) => i));
    expect(after.at(-1)).toMatchObject({ type: 'level', data: { text: 'SPX drops below 6,000 (5,995.00)', seq: before.length } });
  });
});
