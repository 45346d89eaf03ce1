import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStreamEntry } from '@marketswarm/shared/events';
import { loadRepoTruth, repoRoot, startRedisTrio, startServiceProcess, type RedisTrio } from '@marketswarm/shared/testing';
import { parseRecording } from './recording-parser.js';

const SPOT_STREAM = '{market}:stream:spot';
const fixture = (rel: string) => path.join(repoRoot, 'services/massive/fixtures', rel);

async function spotPrices(redis: RedisTrio): Promise<Array<[string, number, number]>> {
  const entries = await redis.market.client().xrange(SPOT_STREAM, '-', '+');
  return entries.map(([, fields]) => {
    const parsed = decodeStreamEntry(fields);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return [parsed.event.data['symbol'] as string, parsed.event.data['price'] as number, parsed.event.ts];
  });
}

async function modelEvents(redis: RedisTrio): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const topic of ['gex', 'heatmap', 'mode', 'bias', 'selector']) {
    for (const [, fields] of await redis.market.client().xrange(`{market}:stream:${topic}`, '-', '+')) {
      const parsed = decodeStreamEntry(fields);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      out.push([topic, parsed.event.ts, parsed.event.data]);
    }
  }
  return out;
}

async function waitForLength(redis: RedisTrio, n: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await redis.market.client().xlen(SPOT_STREAM)) < n) {
    if (Date.now() > deadline) throw new Error(`spot stream did not reach ${n} entries`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('massive producer replaying and recording', () => {
  let redis: RedisTrio;
  let dir: string;

  beforeAll(async () => {
    redis = await startRedisTrio();
    dir = await mkdtemp(path.join(tmpdir(), 'ms-massive-'));
    await loadRepoTruth(redis.system.client(), {
      patch: (truth) => void Object.assign(truth.components['massive']!.settings, { spotIntervalMs: 100 }),
    });
  });

  afterAll(async () => {
    await redis?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('replays the sample recording (MS_MASSIVE_REPLAY) to the same published prices twice', async () => {
    const file = fixture('ok/sample-spx-session.ndjson');
    const expected = parseRecording(await readFile(file, 'utf8'), 'ndjson').ticks.map((t): [string, number, number] => [t.symbol, t.price, t.ts]);
    const runs: Array<Array<[string, number, number]>> = [];
    const modelRuns: unknown[][] = [];
    for (let run = 0; run < 2; run++) {
      await redis.market.client().flushall();
      const producer = await startServiceProcess({ dir: 'services/massive', env: { ...redis.env, MS_MASSIVE_REPLAY: file, MS_MASSIVE_REPLAY_SPEED: '100' } });
      try {
        await waitForLength(redis, expected.length);
        await new Promise((r) => setTimeout(r, 300)); // nothing more may arrive
      } finally {
        expect(await producer.stop()).toBe(0);
      }
      runs.push(await spotPrices(redis));
      modelRuns.push(await modelEvents(redis));
    }
    expect(runs[0]).toEqual(expected);
    expect(runs[1]).toEqual(runs[0]);
    // Models run on market time, so the same recording rebuilds the same GEX and heatmaps.
    expect(modelRuns[0]!.length).toBeGreaterThan(10);
    expect(modelRuns[1]).toEqual(modelRuns[0]);
  });

  it('keeps running on a malformed recording: good rows published, bad rows logged with their line numbers', async () => {
    await redis.market.client().flushall();
    const producer = await startServiceProcess({
      dir: 'services/massive',
      env: { ...redis.env, MS_MASSIVE_REPLAY: fixture('not-ok/missing-fields.ndjson'), MS_MASSIVE_REPLAY_SPEED: '0' },
    });
    await waitForLength(redis, 2);
    await new Promise((r) => setTimeout(r, 300));
    expect((await spotPrices(redis)).map(([, price]) => price)).toEqual([5000, 5004]);
    expect((await fetch(`${producer.url}/health`)).status).toBe(200);
    expect(await (await fetch(`${producer.url}/metrics`)).text()).toMatch(/massive_replay_bad_rows_total\{service="massive"\} 3/);
    expect(producer.output()).toMatch(/skipped line 2: price undefined/);
    expect(producer.output()).toMatch(/skipped line 3: row must be a JSON object/);
    expect(producer.output()).toMatch(/skipped line 4: size -1/);
    expect(await producer.stop()).toBe(0);
  });

  it('keeps running when the recording does not exist', async () => {
    const producer = await startServiceProcess({ dir: 'services/massive', env: { ...redis.env, MS_MASSIVE_REPLAY: path.join(dir, 'missing.ndjson') } });
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(`${producer.url}/health`)).status).toBe(200);
    expect(producer.output()).toMatch(/replay stopped: the recording could not be read/);
    expect(await producer.stop()).toBe(0);
  });

  it('records what it publishes (MS_MASSIVE_RECORD) in a file that replays to the same ticks', async () => {
    await redis.market.client().flushall();
    const out = path.join(dir, 'recorded.ndjson');
    const producer = await startServiceProcess({ dir: 'services/massive', env: { ...redis.env, MS_MASSIVE_RECORD: out } });
    await waitForLength(redis, 18);
    expect(await producer.stop()).toBe(0);
    const published = await spotPrices(redis);
    const recorded = parseRecording(await readFile(out, 'utf8'), 'ndjson');
    expect(recorded.errors).toEqual([]);
    expect(recorded.ticks.map((t) => [t.symbol, t.price, t.ts])).toEqual(published);
  });
});
