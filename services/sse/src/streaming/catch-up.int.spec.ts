import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { publishEvents, validateForPublish } from '@marketswarm/shared/bus';
import type { TopicName } from '@marketswarm/shared/events';
import { Registry } from '@marketswarm/shared/metrics';
import { loadRepoTruth, startRedisServer, type RedisServerHandle } from '@marketswarm/shared/testing';
import type { PublicTruth } from '@marketswarm/shared/truth';
import { FakeResponse } from '../testing/fake-response.js';
import { catchUp, type ResumeOutcome } from './catch-up.js';
import { createGatewayMetrics } from './gateway-metrics.js';
import { PositionSeal } from './position-seal.js';
import { CursorCodec } from './resume-cursor.js';
import { SseConnection } from './sse-connection.js';
import { SharedReads } from './shared-reads.js';
import { StoredEntries } from './stored-entries.js';
import { parseStreamId } from '@marketswarm/shared/events';

const codec = new CursorCodec(new PositionSeal(randomBytes(32)));
const ALICE = { id: 'u-alice', sessionId: 's-alice' };

// catchUp against a real redis-server (one instance plays every bus) and a fake response whose
// back-pressure the spec controls.
describe(catchUp.name, () => {
  let server: RedisServerHandle;
  let redis: Redis;
  let truth: PublicTruth;

  beforeAll(async () => {
    server = await startRedisServer();
    redis = server.client();
    truth = (await loadRepoTruth(redis)).truth;
  });

  beforeEach(async () => {
    await redis.flushall();
  });

  afterAll(async () => {
    await server?.stop();
  });

  async function publish(topic: TopicName, payloads: Record<string, unknown>[], user?: string): Promise<string[]> {
    const route = truth.topics[topic]!;
    return publishEvents(redis, route, payloads.map((data) => validateForPublish(route, { topic, type: 'update', ts: Date.now(), data, ...(user ? { user } : {}) })));
  }

  async function run(topics: TopicName[], options: { resume?: string; byteBudget?: number; capacity?: number; drainEveryMs?: number; symbol?: string; recentCount?: number; entries?: StoredEntries; reads?: SharedReads } = {}) {
    const res = new FakeResponse(options.capacity);
    const outcomes: ResumeOutcome[] = [];
    const connection = new SseConnection(res.asResponse(), ALICE, { route: 'test', topics, symbol: options.symbol }, options.resume ? codec.parse(options.resume) : null, {
      byteBudget: 1 << 20,
      codec,
      metrics: createGatewayMetrics(new Registry()),
      onClose: () => undefined,
    });
    const drainer = options.drainEveryMs ? setInterval(() => res.drain(), options.drainEveryMs) : undefined;
    try {
      await catchUp(connection, options.resume ? codec.parse(options.resume) : null, {
        route: (topic) => truth.topics[topic],
        redis: () => redis,
        recentCount: options.recentCount ?? 5,
        byteBudget: options.byteBudget ?? 1 << 20,
        onInvalid: () => undefined,
        onResume: (o) => outcomes.push(o),
        ...(options.entries ? { entries: options.entries } : {}),
        ...(options.reads ? { reads: options.reads } : {}),
      });
    } finally {
      clearInterval(drainer);
    }
    const frames = res.frames();
    const ready = JSON.parse(frames.find((f) => f.event === 'ready')?.data ?? 'null') as { resumed: string[]; reset: string[] } | null;
    const seqsOf = (topic: string) => frames.filter((f) => f.event === topic).map((f) => (JSON.parse(f.data) as { data: { seq: number } }).data.seq);
    return { frames, ready, outcomes, seqsOf, lastId: frames.at(-1)?.id ?? '', connection };
  }

  const cursorAt = (topic: TopicName, streamId: string) => codec.segment(topic, parseStreamId(streamId)!);

  it('sends a fresh connection the snapshot, then ready with the stream tail as its position', async () => {
    const ids = await publish('spot', [{ symbol: 'SPX', price: 1, seq: 1 }, { symbol: 'SPX', price: 2, seq: 2 }, { symbol: 'NDX', price: 3, seq: 3 }]);
    const { seqsOf, ready, outcomes, lastId } = await run(['spot']);
    expect(seqsOf('spot').sort()).toEqual([2, 3]);
    expect(ready).toMatchObject({ resumed: [], reset: [] });
    expect(outcomes).toEqual(['fresh']);
    expect(codec.parse(lastId)?.get('spot')).toEqual(parseStreamId(ids[2]!));
  });

  it('sends no history with recentCount 0, and positions a fresh client at the newest entry', async () => {
    const ids = await publish('vexy', [{ text: 'a', seq: 1 }, { text: 'b', seq: 2 }]);
    const { seqsOf, ready, lastId } = await run(['vexy'], { recentCount: 0 });
    expect(seqsOf('vexy')).toEqual([]);
    expect(ready).toMatchObject({ resumed: [], reset: [] });
    expect(codec.parse(lastId)?.get('vexy')).toEqual(parseStreamId(ids[1]!));
  });

  it('replays exactly the entries after the position, skipping other users’ events without revealing them', async () => {
    const [start] = await publish('alerts', [{ id: 'a0', message: 'a0', seq: 0 }], ALICE.id);
    await publish('alerts', [{ id: 'b1', message: 'for bob', seq: 1 }], 'u-bob');
    await publish('alerts', [{ id: 'a2', message: 'a2', seq: 2 }, { id: 'a3', message: 'a3', seq: 3 }], ALICE.id);
    const tail = await publish('alerts', [{ id: 'b4', message: 'for bob', seq: 4 }], 'u-bob');
    const { seqsOf, ready, frames, lastId } = await run(['alerts'], { resume: cursorAt('alerts', start!) });
    expect(seqsOf('alerts')).toEqual([2, 3]);
    expect(JSON.stringify(frames)).not.toContain('for bob');
    expect(ready).toMatchObject({ resumed: ['alerts'], reset: [] });
    // The cursor moved past bob's last entry, so a resume never reads it again; the id is sealed.
    expect(codec.parse(lastId)?.get('alerts')).toEqual(parseStreamId(tail[0]!));
    expect(lastId).not.toContain(parseStreamId(tail[0]!)!.ms.toString(36));
  });

  it('resumes a topic at the stream’s newest id with nothing to send, and keeps the position', async () => {
    const ids = await publish('vexy', [{ text: 'a', seq: 1 }, { text: 'b', seq: 2 }]);
    const { seqsOf, ready, outcomes, lastId } = await run(['vexy'], { resume: cursorAt('vexy', ids[1]!) });
    expect(seqsOf('vexy')).toEqual([]);
    expect(ready).toMatchObject({ resumed: ['vexy'], reset: [] });
    expect(outcomes).toEqual(['replayed']);
    expect(codec.parse(lastId)?.get('vexy')).toEqual(parseStreamId(ids[1]!));
  });

  it('replays the same missed entries to every reconnecting client from one decode, byte for byte', async () => {
    const [start] = await publish('vexy', [{ text: 'start', seq: 0 }]);
    await publish('vexy', [{ text: 'one', seq: 1 }, { text: 'two', seq: 2 }, { text: 'three', seq: 3 }]);
    const entries = new StoredEntries();
    const first = await run(['vexy'], { resume: cursorAt('vexy', start!), entries });
    const second = await run(['vexy'], { resume: cursorAt('vexy', start!), entries });
    const alone = await run(['vexy'], { resume: cursorAt('vexy', start!) });
    expect(first.seqsOf('vexy')).toEqual([1, 2, 3]);
    expect(second.frames).toEqual(first.frames);
    expect(alone.frames).toEqual(first.frames);
    expect(entries.size).toBe(3);
  });

  it('gives clients reconnecting together from one position the same exact replay, and fresh ones the same snapshot, from shared reads', async () => {
    const [start] = await publish('vexy', [{ text: 'start', seq: 0 }]);
    await publish('vexy', Array.from({ length: 20 }, (_, i) => ({ text: `n${i + 1}`, seq: i + 1 })));
    await publish('spot', [{ symbol: 'SPX', price: 1, seq: 1 }, { symbol: 'NDX', price: 2, seq: 2 }]);
    const shared = { entries: new StoredEntries(), reads: new SharedReads() };
    const resumed = await Promise.all([1, 2, 3].map(() => run(['vexy'], { resume: cursorAt('vexy', start!), ...shared })));
    for (const r of resumed) expect(r.seqsOf('vexy')).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const fresh = await Promise.all([1, 2].map(() => run(['spot', 'vexy'], shared)));
    for (const r of fresh) {
      expect(r.seqsOf('spot').sort()).toEqual([1, 2]);
      expect(r.seqsOf('vexy')).toEqual([16, 17, 18, 19, 20]);
    }
  });

  it('replays a backlog at the pace of a client whose socket is full, in order', async () => {
    const [start] = await publish('vexy', [{ text: 'start', seq: 0 }]);
    await publish('vexy', Array.from({ length: 300 }, (_, i) => ({ text: `n${i + 1} ${'v'.repeat(200)}`, seq: i + 1 })));
    const { seqsOf } = await run(['vexy'], { resume: cursorAt('vexy', start!), capacity: 2000, drainEveryMs: 1 });
    expect(seqsOf('vexy')).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });

  it('resets to the snapshot when the position is past retention', async () => {
    const [start] = await publish('vexy', [{ text: 'old', seq: 0 }]);
    await publish('vexy', Array.from({ length: 50 }, (_, i) => ({ text: `n${i}`, seq: i + 1 })));
    await redis.xtrim(truth.topics['vexy']!.stream, 'MAXLEN', 10);
    const { frames, ready, seqsOf } = await run(['vexy'], { resume: cursorAt('vexy', start!) });
    expect(frames[0]).toMatchObject({ event: 'reset', data: '{"topic":"vexy","reason":"retention"}' });
    expect(seqsOf('vexy')).toEqual([46, 47, 48, 49, 50]);
    expect(ready).toMatchObject({ reset: ['vexy'] });
  });

  it('stops a replay at the byte budget and resets the topic to its snapshot', async () => {
    const [start] = await publish('alerts', [{ id: 'first', message: 'start', seq: 0 }], ALICE.id);
    await publish('alerts', Array.from({ length: 100 }, (_, i) => ({ id: `n${i}`, message: 'm'.repeat(900), seq: i + 1 })), ALICE.id);
    const { frames, ready, outcomes, seqsOf } = await run(['alerts'], { resume: cursorAt('alerts', start!), byteBudget: 20_000 });
    const resetAt = frames.findIndex((f) => f.event === 'reset');
    expect(frames[resetAt]?.data).toBe('{"topic":"alerts","reason":"catch-up-budget"}');
    const replayed = frames.slice(0, resetAt).reduce((n, f) => n + f.data.length, 0);
    expect(replayed).toBeGreaterThan(15_000);
    expect(replayed).toBeLessThan(20_000 + 1000);
    // After the reset: the snapshot (alice's newest alert).
    expect(seqsOf('alerts').at(-1)).toBe(100);
    expect(ready).toMatchObject({ resumed: [], reset: ['alerts'] });
    expect(outcomes).toEqual(['reset']);
  });

  it('stops reading entries it may not send once it has read four budgets, and resets (regression: a crafted id on a quiet symbol read the whole retention)', async () => {
    const [start] = await publish('gex', [{ symbol: 'SPX', strikes: [], seq: 0 }]);
    const strikes = Array.from({ length: 20 }, (_, i) => ({ strike: 5000 + i * 5, call: 1, put: -1 }));
    await publish('gex', Array.from({ length: 300 }, (_, i) => ({ symbol: 'NDX', strikes, seq: i + 1 })));
    const { frames, ready, seqsOf } = await run(['gex'], { resume: cursorAt('gex', start!), byteBudget: 20_000, symbol: 'ZZZZ' });
    expect(seqsOf('gex')).toEqual([]);
    expect(frames.find((f) => f.event === 'reset')?.data).toBe('{"topic":"gex","reason":"catch-up-budget"}');
    expect(ready).toMatchObject({ reset: ['gex'] });
  });

  it('sends missed heatmap diffs as the current full model, and a single missed diff as itself', async () => {
    const route = truth.topics['heatmap']!;
    const model = (version: number, kind: 'snapshot' | 'diff') => ({
      topic: 'heatmap' as const,
      type: kind,
      ts: Date.now(),
      data: { symbol: 'SPX', version, kind, tiles: {}, ...(kind === 'diff' ? { removed: [] } : {}) },
    });
    const [start] = await publishEvents(redis, route, [model(0, 'snapshot')]);
    const [one] = await publishEvents(redis, route, [model(1, 'diff')], { snapshotOf: () => model(1, 'snapshot') });
    const single = await run(['heatmap'], { resume: cursorAt('heatmap', start!) });
    expect(single.frames.filter((f) => f.event === 'heatmap').map((f) => (JSON.parse(f.data) as { data: { kind: string } }).data.kind)).toEqual(['diff']);
    expect(single.outcomes).toEqual(['replayed']);

    await publishEvents(redis, route, [model(2, 'diff'), model(3, 'diff')], { snapshotOf: (e) => model(e.data.version, 'snapshot') });
    const many = await run(['heatmap'], { resume: cursorAt('heatmap', one!) });
    const sent = many.frames.filter((f) => f.event === 'heatmap').map((f) => (JSON.parse(f.data) as { data: { kind: string; version: number } }).data);
    expect(sent).toEqual([expect.objectContaining({ kind: 'snapshot', version: 3 })]);
    expect(many.outcomes).toEqual(['conflated']);
    expect(many.ready).toMatchObject({ resumed: ['heatmap'], reset: [] });
  });
});
