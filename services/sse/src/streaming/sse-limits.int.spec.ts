import { describe, expect, it } from 'vitest';
import { publishEvents } from '@marketswarm/shared/bus';
import { signIn } from '@marketswarm/shared/testing';
import { openRawStream, type RawFrame } from '../testing/raw-sse-client.js';
import { range } from '../testing/sse-test-client.js';
import { useGatewayFixture } from '../testing/gateway-fixture.js';

const BUDGET = 64 * 1024;

const ready = (frames: RawFrame[]) => frames.some((f) => f.event === 'ready');
const readyOf = (frames: RawFrame[]) => JSON.parse(frames.find((f) => f.event === 'ready')?.data ?? '{}') as { resumed: string[]; reset: string[] };

// The limits of docs/API.md ("Streams"), with a small budget and small caps so a test reaches them.
describe('SSE limits through a real gateway process', () => {
  const f = useGatewayFixture({ settings: { byteBudget: BUDGET, maxStreamsPerSession: 3, maxStreamsPerUser: 5 } });

  describe('streams per session and per user (regression: 65 parallel streams of one user were accepted)', () => {
    it('answers 429 with the reason past either cap, and frees the slot when a stream closes', async () => {
      const refusal = async (cookie: string) => {
        const res = await fetch(`${f.gateway.url}/sse/vexy`, { headers: { cookie } });
        const body = res.status === 200 ? undefined : ((await res.json()) as { statusCode: number; message: string });
        if (res.status === 200) await res.body?.cancel();
        return { status: res.status, body };
      };
      const first = range(0, 3).map(() => f.open('/sse/vexy', f.alice.cookie));
      await Promise.all(first.map((s) => s.waitFor((e) => e.some((x) => x.event === 'ready'))));
      const perSession = await refusal(f.alice.cookie);
      expect(perSession).toMatchObject({ status: 429, body: { statusCode: 429, message: expect.stringContaining('this session already holds 3 streams') as string } });

      const laptop = await signIn(f.gateway.url, 'alice@example.com');
      const more = range(0, 2).map(() => f.open('/sse/vexy', laptop));
      await Promise.all(more.map((s) => s.waitFor((e) => e.some((x) => x.event === 'ready'))));
      expect(await refusal(laptop)).toMatchObject({ status: 429, body: { message: expect.stringContaining('this account already holds 5 streams') as string } });
      // Another user is not affected by alice's streams.
      const bobs = f.open('/sse/vexy', f.bob.cookie);
      await bobs.waitFor((e) => e.some((x) => x.event === 'ready'));

      first[0]!.close();
      await expect.poll(async () => (await refusal(laptop)).status, { timeout: 5000 }).toBe(200);
      expect(await f.metric(/ms_sse_refused_total\{reason="streams-per-user",service="sse"\} (\d+)/)).toBeGreaterThanOrEqual(1);
      expect(await f.metric(/ms_sse_refused_total\{reason="streams-per-session",service="sse"\} (\d+)/)).toBeGreaterThanOrEqual(1);
    });

    it('never lets parallel requests pass the cap together', async () => {
      const carol = await signIn(f.gateway.url, 'bob@example.com');
      f.closeStreams();
      // Every stream stays open until all have answered, so no slot frees up meanwhile.
      const responses = await Promise.all(range(0, 12).map(() => fetch(`${f.gateway.url}/sse/vexy`, { headers: { cookie: carol } })));
      const answers = responses.map((r) => r.status);
      for (const r of responses) await r.body?.cancel();
      expect(answers.filter((s) => s === 200).length).toBeLessThanOrEqual(3);
      expect(answers.filter((s) => s === 429).length).toBeGreaterThanOrEqual(9);
    });
  });

  describe('catch-up budget (regression: a crafted Last-Event-ID replayed ~50 MB per request)', () => {
    it('conflates missed heatmap diffs into the current full model', async () => {
      const route = f.truth.topics['heatmap']!;
      const tile = { key: 'bf:0:5:5000', strategy: 'butterfly-call' as const, dte: 0, width: 5, strike: 5000, debit: 1.2, maxProfit: 3.8, maxLoss: -1.2, rewardRisk: 3.2, expiry: Date.now() + 3_600_000 };
      const full = (version: number) => ({ topic: 'heatmap' as const, type: 'snapshot', ts: Date.now(), data: { symbol: 'SPX', version, kind: 'snapshot' as const, tiles: { [tile.key]: tile } } });
      const diff = (version: number) => ({
        topic: 'heatmap' as const,
        type: 'diff',
        ts: Date.now(),
        data: { symbol: 'SPX', version, kind: 'diff' as const, tiles: { [tile.key]: { ...tile, debit: 1 + version / 1000 } }, removed: [`gone-${version}-${'x'.repeat(10_000)}`] },
      });
      const [startId] = await publishEvents(f.clients.market, route, [full(0)]);
      // 40 diffs of ~10 kB (the stream keeps 50 heatmap events): several times the budget, and the old code replayed every one.
      for (let v = 1; v <= 40; v += 10) {
        await publishEvents(f.clients.market, route, range(v, v + 10).map(diff), { snapshotOf: (e) => full((e.data as { version: number }).version) });
      }
      const [ms, seq] = startId!.split('-').map(Number) as [number, number];
      const stream = await openRawStream(f.gateway.url, '/sse/all?topics=heatmap', f.alice.cookie, { lastEventId: `h${ms.toString(36)}-${seq.toString(36)}` });
      await stream.waitFor(ready, 10_000, 'ready');
      const heatmaps = stream.frames.filter((x) => x.event === 'heatmap').map((x) => (JSON.parse(x.data) as { data: { kind: string; version: number } }).data);
      expect(heatmaps).toEqual([expect.objectContaining({ kind: 'snapshot', version: 40 })]);
      expect(readyOf(stream.frames)).toMatchObject({ resumed: ['heatmap'], reset: [] });
      expect(stream.frames.some((x) => x.event === 'reset')).toBe(false);
      expect(await f.metric(/ms_sse_resumes_total\{outcome="conflated",service="sse"\} (\d+)/)).toBe(1);

      // Live diffs continue after the conflated state, exactly once.
      await publishEvents(f.clients.market, route, [diff(41)], { snapshotOf: () => full(41) });
      await stream.waitFor((fr) => fr.some((x) => x.event === 'heatmap' && x.data.includes('"version":41')), 5000, 'the next live diff');
      stream.socket.destroy();
    });

    it('replays a missed diff on its own when it is the only one', async () => {
      const first = f.open('/sse/heatmap/NDX', f.alice.cookie);
      await first.waitFor((e) => e.some((x) => x.event === 'ready'));
      first.close();
      const route = f.truth.topics['heatmap']!;
      await publishEvents(f.clients.market, route, [{ topic: 'heatmap', type: 'diff', ts: Date.now(), data: { symbol: 'NDX', version: 7, kind: 'diff', tiles: {}, removed: ['a'] } }]);
      const stream = await openRawStream(f.gateway.url, '/sse/heatmap/NDX', f.alice.cookie, { lastEventId: first.lastId() });
      await stream.waitFor(ready, 5000, 'ready');
      const heatmaps = stream.frames.filter((x) => x.event === 'heatmap').map((x) => (JSON.parse(x.data) as { data: { kind: string } }).data.kind);
      expect(heatmaps).toEqual(['diff']);
      stream.socket.destroy();
    });

    it('resets a topic to its snapshot once replay would pass the byte budget', async () => {
      const first = f.open('/sse/alerts', f.bob.cookie);
      await first.waitFor((e) => e.some((x) => x.event === 'ready'));
      first.close();
      const text = 'z'.repeat(900);
      // ~180 kB of bob's alerts, about three budgets.
      await f.publish('alerts', range(0, 200).map((seq) => ({ id: `big${seq}`, message: `${seq} ${text}`, seq })), f.bob.userId);
      const stream = await openRawStream(f.gateway.url, '/sse/alerts', f.bob.cookie, { lastEventId: first.lastId() });
      await stream.waitFor(ready, 10_000, 'ready');
      const resetAt = stream.frames.findIndex((x) => x.event === 'reset');
      expect(resetAt).toBeGreaterThanOrEqual(0);
      expect(JSON.parse(stream.frames[resetAt]!.data)).toEqual({ topic: 'alerts', reason: 'catch-up-budget' });
      const replayed = stream.frames.slice(0, resetAt).filter((x) => x.event === 'alerts');
      const replayedBytes = replayed.reduce((n, x) => n + x.data.length, 0);
      expect(replayed.length).toBeLessThan(200);
      expect(replayedBytes).toBeLessThanOrEqual(BUDGET + 2 * 1000);
      // The snapshot after the reset: bob's newest alert.
      const after = stream.frames.slice(resetAt + 1).filter((x) => x.event === 'alerts');
      expect(after.map((x) => (JSON.parse(x.data) as { data: { seq: number } }).data.seq)).toEqual([199]);
      expect(readyOf(stream.frames)).toMatchObject({ reset: ['alerts'] });
      stream.socket.destroy();
    });
  });

  describe('positions on user-scoped topics (regression: the alerts id decoded to the millisecond of another user’s alert)', () => {
    it('gives a user an opaque position that still resumes exactly', async () => {
      f.closeStreams();
      const route = f.truth.topics['alerts']!;
      const [bobsId] = await publishEvents(f.clients.system, route, [{ topic: 'alerts', type: 'update', ts: Date.now(), data: { id: 'private', message: 'bob only', seq: 1 } , user: f.bob.userId }]);
      const [ms, seq] = bobsId!.split('-').map(Number) as [number, number];
      const stream = await openRawStream(f.gateway.url, '/sse/alerts', f.alice.cookie);
      await stream.waitFor(ready, 5000, 'ready');
      const id = stream.lastId();
      expect(id).toMatch(/^a[A-Za-z0-9_-]{22}$/);
      expect(id).not.toContain(ms.toString(36));
      expect(id).not.toBe(`a${ms.toString(36)}-${seq.toString(36)}`);
      stream.socket.destroy();
      // Nothing happened since: a new connection still gets a different id, so an unchanged id
      // can never tell alice that nobody else wrote an alert meanwhile.
      const again = await openRawStream(f.gateway.url, '/sse/alerts', f.alice.cookie);
      await again.waitFor(ready, 5000, 'ready');
      expect(again.lastId()).not.toBe(id);
      again.socket.destroy();

      await f.publish('alerts', [{ id: 'mine', message: 'for alice', seq: 2 }], f.alice.userId);
      const resumed = await openRawStream(f.gateway.url, '/sse/alerts', f.alice.cookie, { lastEventId: id });
      await resumed.waitFor(ready, 5000, 'ready');
      expect(resumed.frames.filter((x) => x.event === 'alerts').map((x) => (JSON.parse(x.data) as { data: { id: string } }).data.id)).toEqual(['mine']);
      expect(readyOf(resumed.frames)).toMatchObject({ resumed: ['alerts'], reset: [] });
      resumed.socket.destroy();
    });
  });
});
