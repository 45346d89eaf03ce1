import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStreamEntry } from '@marketswarm/shared/events';
import { runAdmin, startRedisTrio, type RedisTrio } from '@marketswarm/shared/testing';

describe('./admin publish', () => {
  let redis: RedisTrio;
  let env: Record<string, string>;
  let work: string;

  beforeAll(async () => {
    redis = await startRedisTrio();
    work = await mkdtemp(path.join(tmpdir(), 'ms-publish-'));
    env = { ...redis.env, MS_RUN_DIR: work };
    const loaded = await runAdmin(['load-truth'], env);
    expect(loaded.code, loaded.stderr).toBe(0);
  });

  afterAll(async () => {
    await redis?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('appends a validated spot tick to the market stream, updates the snapshot and prints the id', async () => {
    const run = await runAdmin(['publish', 'spot', '{"symbol":"SPX","price":5000.5}', '--type', 'tick'], env);
    expect(run.code, run.stderr).toBe(0);
    const id = run.stdout.trim();
    const market = redis.market.client();
    const entries = await market.xrange('{market}:stream:spot', id, id);
    expect(entries).toHaveLength(1);
    const decoded = decodeStreamEntry(entries[0]![1]);
    expect(decoded).toMatchObject({ ok: true, event: { topic: 'spot', type: 'tick', data: { symbol: 'SPX', price: 5000.5 } } });
    expect(JSON.parse((await market.hget('{market}:snapshot:spot', 'SPX')) ?? '{}')).toMatchObject({ data: { price: 5000.5 } });
  });

  it('writes user-scoped topics to system Redis with their owner', async () => {
    const run = await runAdmin(['publish', 'alerts', '{"id":"a1","message":"SPX crossed 5000"}', '--user', 'u_alice'], env);
    expect(run.code, run.stderr).toBe(0);
    const [[, fields]] = (await redis.system.client().xrange('{system}:stream:alerts', '-', '+')) as [[string, string[]]];
    expect(decodeStreamEntry(fields)).toMatchObject({ ok: true, event: { user: 'u_alice', data: { severity: 'info' } } });
  });

  it('refuses an invalid payload naming the field, and writes nothing', async () => {
    const market = redis.market.client();
    const before = await market.xlen('{market}:stream:spot');
    const run = await runAdmin(['publish', 'spot', '{"symbol":"SPX","price":"high"}'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('invalid spot event: data.price:');
    expect(await market.xlen('{market}:stream:spot')).toBe(before);
  });

  it('refuses a per-user topic without --user, an unknown topic and broken JSON', async () => {
    expect((await runAdmin(['publish', 'alerts', '{"id":"a","message":"m"}'], env)).stderr).toContain('user: topic "alerts" is per user');
    expect((await runAdmin(['publish', 'weather', '{}'], env)).stderr).toContain('unknown topic "weather"');
    expect((await runAdmin(['publish', 'spot', '{nope'], env)).stderr).toContain('<json>: not valid JSON');
  });

  it('--count n appends n events in order with seq 0…n−1 and prints n ids', async () => {
    const run = await runAdmin(['publish', 'vexy', '{"text":"SPX holding 5000"}', '--count', '2500'], env);
    expect(run.code, run.stderr).toBe(0);
    const ids = run.stdout.trim().split('\n');
    expect(ids).toHaveLength(2500);
    const entries = await redis.intel.client().xrange('{intel}:stream:vexy', ids[0]!, ids[2499]!);
    const seqs = entries.map(([, fields]) => {
      const decoded = decodeStreamEntry(fields);
      return decoded.ok ? decoded.event.data.seq : -1;
    });
    expect(seqs).toEqual(Array.from({ length: 2500 }, (_, i) => i));
    expect(entries.map(([id]) => id)).toEqual(ids);
  });
});
