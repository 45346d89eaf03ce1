import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MelSnapshot } from '@marketswarm/shared/dto';
import { bootService, type ServiceContext } from '@marketswarm/shared/service';
import { loadRepoTruth, startRedisTrio, type RedisTrio } from '@marketswarm/shared/testing';
import { MarketReader } from '../market/market-reader.js';
import { marketRoutesOf } from '../market/market.module.js';
import { MINUTE, NOW } from './fixtures/market-clock.js';
import { MEL_IDLE_DTE_MS, MelService } from './mel.service.js';

describe(MelService.name, () => {
  let redis: RedisTrio;
  let ctx: ServiceContext;
  let reader: MarketReader;
  let clock = NOW;

  beforeAll(async () => {
    redis = await startRedisTrio();
    // The smallest history truth allows, so a dozen cycles overflow it.
    const { truth } = await loadRepoTruth(redis.system.client(), { patch: (t) => void Object.assign(t.components['copilot']!.settings, { melHistorySize: 10 }) });
    ctx = await bootService({ id: 'copilot', version: '0.0.0', env: { ...redis.env, LOG_LEVEL: 'silent' }, handleSignals: false });
    reader = new MarketReader(redis.market.client(), marketRoutesOf(truth.topics));
  });
  afterAll(async () => {
    await ctx.shutdown('spec done');
    await redis.stop();
  });

  // Never started (no onModuleInit): each cycle is run by the spec, at the spec's clock.
  const service = () => new MelService(ctx, reader, () => clock);

  it('computes a DTE on first ask and stamps it with the clock', async () => {
    const mel = service();
    expect(mel.current(3)).toBeNull();
    const snapshot = await mel.snapshot(3);
    expect(snapshot).toMatchObject({ symbol: 'SPX', dte: 3, ts: NOW, spot: null });
    // An empty market: nothing to trust.
    expect(snapshot.models.gamma).toMatchObject({ score: 0, confidence: 0, state: 'REVOKED' });
    expect(mel.current(3)).toEqual(snapshot);
  });

  it('computes DTE 0 each cycle, and a watched DTE until every watcher has released it', () => {
    const mel = service();
    expect(mel.dtes()).toEqual([0]);
    const first = mel.watch(5);
    const second = mel.watch(5);
    expect(mel.dtes()).toEqual([0, 5]);
    first();
    first(); // a second release of the same watch changes nothing
    expect(mel.dtes()).toEqual([0, 5]);
    second();
    expect(mel.dtes()).toEqual([0]);
  });

  it('tells listeners of every snapshot until they unsubscribe', async () => {
    const mel = service();
    const heard: MelSnapshot[] = [];
    const stop = mel.onUpdate((s) => heard.push(s));
    const release = mel.watch(2);
    await mel.recompute();
    expect(heard.map((s) => s.dte)).toEqual([0, 2]);
    stop();
    release();
    await mel.recompute();
    expect(heard).toHaveLength(2);
  });

  it('keeps settings.melHistorySize snapshots per DTE, oldest first', async () => {
    const mel = service();
    for (let i = 0; i < 12; i += 1) {
      clock = NOW + i * 1000;
      await mel.recompute();
    }
    const history = mel.history(0, 100);
    expect(history.map((s) => s.ts)).toEqual(Array.from({ length: 10 }, (_, i) => NOW + (i + 2) * 1000));
    expect(mel.history(0, 3).map((s) => s.ts)).toEqual([NOW + 9000, NOW + 10_000, NOW + 11_000]);
    expect(mel.history(7, 10)).toEqual([]);
  });

  it('recomputes an unwatched DTE asked again after a cycle has passed', async () => {
    const mel = service();
    clock = NOW;
    await mel.snapshot(4);
    clock = NOW + 1000;
    expect((await mel.snapshot(4)).ts).toBe(NOW);
    clock = NOW + 3000; // the default 3 s cycle
    expect((await mel.snapshot(4)).ts).toBe(NOW + 3000);
  });

  it('drops at the next cycle the history of a DTE nobody has watched or asked for in 10 minutes, while DTE 0 and a watched DTE keep theirs', async () => {
    expect(MEL_IDLE_DTE_MS).toBe(10 * MINUTE);
    const mel = service();
    clock = NOW;
    await mel.snapshot(12); // asked once over REST
    const release = mel.watch(30); // a socket that stays
    const leaving = mel.watch(45); // a socket that leaves at 5 minutes
    await mel.recompute();
    expect(mel.keptDtes()).toEqual([0, 12, 30, 45]);

    clock = NOW + 5 * MINUTE;
    leaving();
    clock = NOW + 10 * MINUTE - 1;
    await mel.recompute();
    expect(mel.keptDtes()).toEqual([0, 12, 30, 45]);

    clock = NOW + 10 * MINUTE;
    await mel.recompute();
    expect(mel.keptDtes()).toEqual([0, 30, 45]);
    expect(mel.history(12, 10)).toEqual([]);
    expect(mel.dtes()).toEqual([0, 30]);

    clock = NOW + 15 * MINUTE;
    await mel.recompute();
    expect(mel.keptDtes()).toEqual([0, 30]);

    // Hours later: DTE 0 and the watched DTE were computed every cycle and kept throughout.
    clock = NOW + 240 * MINUTE;
    await mel.recompute();
    expect(mel.keptDtes()).toEqual([0, 30]);
    expect(mel.history(30, 100).map((s) => s.ts).at(-1)).toBe(NOW + 240 * MINUTE);
    release();
  });
});
