import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStreamEntry, type TypedEvent } from '@marketswarm/shared/events';
import { applyHeatmap, type HeatmapPayload, type HeatmapTiles } from '@marketswarm/shared/models';
import type { PublicTruth } from '@marketswarm/shared/truth';
import { loadRepoTruth, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '@marketswarm/shared/testing';

describe('market producer models (real Redis, real process)', () => {
  let redis: RedisTrio;
  let truth: PublicTruth;
  let producer: ServiceProcess;

  const events = async (topic: string): Promise<TypedEvent[]> => {
    const entries = await redis.market.client().xrange(truth.topics[topic]!.stream, '-', '+');
    return entries.map(([, fields]) => {
      const decoded = decodeStreamEntry(fields);
      if (!decoded.ok) throw new Error(`invalid ${topic} entry: ${JSON.stringify(decoded.issues)}`);
      return decoded.event;
    });
  };

  beforeAll(async () => {
    redis = await startRedisTrio();
    truth = (
      await loadRepoTruth(redis.system.client(), {
        patch: (t) => {
          t.components['massive']!.settings = { ...t.components['massive']!.settings, spotIntervalMs: 100, modelIntervalMs: 1000 };
        },
      })
    ).truth;
    producer = await startServiceProcess({ dir: 'services/massive', env: redis.env });
    // Five symbols' full models per cycle: generous on a busy CI box, where a cycle can take seconds.
    const deadline = Date.now() + 40_000;
    // Each cycle appends one heatmap per symbol: 15 entries are three cycles of all five. Counting
    // entries (not decoding megabyte payloads on every poll) keeps the wait off the producer's CPU.
    while ((await redis.market.client().xlen(truth.topics['heatmap']!.stream)) < 15) {
      if (Date.now() > deadline) throw new Error(`fewer than three model cycles within 40 s; producer said:\n${producer.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  });

  afterAll(async () => {
    await producer?.stop();
    await redis?.stop();
  });

  it('publishes GEX, heatmap, mode, bias and trade ideas for each optionable symbol (SPX, NDX, RUT, SPY, QQQ; never VIX) as valid envelopes', async () => {
    await expect
      .poll(async () => [...new Set((await events('heatmap')).map((e) => e.data['symbol']))].sort(), { timeout: 20_000 })
      .toEqual(['NDX', 'QQQ', 'RUT', 'SPX', 'SPY']);
    for (const topic of ['gex', 'mode', 'bias', 'selector']) {
      const symbols = new Set((await events(topic)).map((e) => e.data['symbol']));
      expect([...symbols].sort(), topic).toEqual(['NDX', 'QQQ', 'RUT', 'SPX', 'SPY']);
    }
    const ideas = (await events('selector')).find((e) => e.data['symbol'] === 'SPY')!.data['ideas'] as { tile: string; family: string; why: string }[];
    expect(ideas.length).toBeGreaterThan(0);
    expect(ideas.every((i) => i.family !== 'single' && i.why.length > 0)).toBe(true);
    const gex = (await events('gex')).find((e) => e.data['symbol'] === 'SPX')!;
    expect((gex.data['strikes'] as unknown[]).length).toBeGreaterThan(20);
  });

  it('streams the heatmap as a full snapshot, then versioned diffs; the snapshot hash is the full model at the newest version', async () => {
    const spx = (await events('heatmap')).filter((e) => e.data['symbol'] === 'SPX').map((e) => e.data as unknown as HeatmapPayload);
    expect(spx[0]?.kind).toBe('snapshot');
    expect(spx.slice(1).every((p) => p.kind === 'diff')).toBe(true);
    expect(spx.map((p) => p.version)).toEqual(spx.map((_, i) => spx[0]!.version + i));
    let model: HeatmapTiles = {};
    for (const payload of spx) model = applyHeatmap(model, payload);
    const stored = JSON.parse((await redis.market.client().hget(truth.topics['heatmap']!.snapshot!, 'SPX')) ?? '{}') as { data: HeatmapPayload };
    if (stored.data.version === spx.at(-1)!.version) expect(model).toEqual(stored.data.tiles);
    expect(stored.data.kind).toBe('snapshot');
    expect(stored.data.version).toBeGreaterThanOrEqual(spx.at(-1)!.version);
  });

  it('continues heatmap versions after a restart with a fresh full snapshot', async () => {
    await producer.stop();
    const before = (await events('heatmap')).filter((e) => e.data['symbol'] === 'SPX').length;
    const last = (await events('heatmap')).filter((e) => e.data['symbol'] === 'SPX').at(-1)!.data as unknown as HeatmapPayload;
    producer = await startServiceProcess({ dir: 'services/massive', env: redis.env });
    const entries = await redis.market.client().xlen(truth.topics['heatmap']!.stream);
    // One full cycle (five symbols) after the restart, counted without decoding the payloads.
    await expect.poll(() => redis.market.client().xlen(truth.topics['heatmap']!.stream), { timeout: 40_000, interval: 250 }).toBeGreaterThanOrEqual(entries + 5);
    const next = (await events('heatmap')).filter((e) => e.data['symbol'] === 'SPX')[before]!.data as unknown as HeatmapPayload;
    expect(next).toMatchObject({ kind: 'snapshot', version: last.version + 1 });
  }, 60_000);
});
