import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeStreamEntry, formatEventIssues, formatStreamId, parseEvent, type TopicName } from '@marketswarm/shared/events';
import { createLogger } from '@marketswarm/shared/logger';
import { registerAccount, startRedisCluster, type RedisClusterHandle } from '@marketswarm/shared/testing';
import { StreamReader } from './stream-reader.js';
import { range, seqs } from '../testing/sse-test-client.js';
import { spotTicks, useGatewayFixture, type GatewayFixture } from '../testing/gateway-fixture.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Publishes seq 0, 1, 2… of one spot symbol and of alice's alerts, one pair at a time, as a steady
 * producer does. A publish refused while the cluster fails over (connection closed, CLUSTERDOWN,
 * too many redirections) was not applied, so the same seq is sent again until it lands.
 */
function steadyPublisher(f: GatewayFixture, symbol: string) {
  let next = 0;
  let spotSent = false;
  let running = true;
  let paused: Promise<void> | undefined;
  let release: (() => void) | undefined;
  let idle: (() => void) | undefined;
  const loop = (async () => {
    while (running) {
      if (paused) {
        idle?.();
        await paused;
        continue;
      }
      try {
        if (!spotSent) await f.publish('spot', spotTicks(next, next + 1, symbol));
        spotSent = true;
        await f.publish('alerts', [{ id: `a${symbol}${next}`, message: `alert ${next}`, seq: next }], f.alice.userId);
        spotSent = false;
        next++;
      } catch {
        // Only what did not land is sent again (a tick that landed before its alert failed is not repeated).
        await sleep(50);
        continue;
      }
      await sleep(15);
    }
  })();
  return {
    published: () => next,
    /** Resolves once no publish is in flight, so nothing is half-acknowledged when a master dies. */
    pause: () =>
      new Promise<void>((resolve) => {
        paused = new Promise<void>((r) => (release = r));
        idle = resolve;
      }),
    resume: () => {
      paused = undefined;
      release?.();
    },
    stop: async () => {
      running = false;
      await loop;
      return next;
    },
  };
}


describe('the gateway on a Redis Cluster (system and market buses on 3 masters with a replica each)', () => {
  const f = useGatewayFixture({ cluster: true });

  const failoverDuringStream = async (key: string, symbol: string) => {
    const stream = f.open('/sse/all?topics=spot,alerts', f.alice.cookie);
    await stream.waitFor((e) => e.some((x) => x.event === 'ready'), 5000, 'ready');
    const alertsBefore = seqs(stream.received, 'alerts').length;
    const publisher = steadyPublisher(f, symbol);
    await stream.waitFor((e) => seqs(e, 'spot', symbol).length >= 20, 10_000, 'events before the failover');

    // Paused only while the master is killed, so no publish is half-acknowledged by a dying node;
    // it resumes at once and keeps publishing (and retrying) through the election.
    await publisher.pause();
    const atFailover = publisher.published();
    const failover = await f.cluster!.failover(key, { afterKill: () => publisher.resume() });
    await stream.waitFor((e) => seqs(e, 'spot', symbol).includes(atFailover + 30), 20_000, 'events after the failover');
    const total = await publisher.stop();
    await stream.waitFor((e) => seqs(e, 'spot', symbol).includes(total - 1) && seqs(e, 'alerts').length - alertsBefore >= total, 10_000, 'every event');

    expect(seqs(stream.received, 'spot', symbol)).toEqual(range(0, total));
    // The alerts snapshot on connect may carry an earlier test's alerts: this run's come after them.
    expect(seqs(stream.received, 'alerts').slice(alertsBefore)).toEqual(range(0, total));
    return failover;
  };

  it('delivers every spot tick and user alert once, in order, while the master owning {market} is killed and its replica takes over', async () => {
    const owner = await f.cluster!.ownerOf('{market}:stream:spot');
    const failover = await failoverDuringStream('{market}:stream:spot', 'SPX');
    expect(failover.from).toBe(owner.port);
    expect((await f.cluster!.ownerOf('{market}:stream:spot')).port).toBe(failover.to);
  });

  it('does the same while the master owning {system} (sessions, truth, user streams) is killed', async () => {
    const owner = await f.cluster!.ownerOf('{system}:stream:alerts');
    const failover = await failoverDuringStream('{system}:stream:alerts', 'NDX');
    expect(failover.from).toBe(owner.port);
    // The session still authenticates after the failover: a new stream opens on it.
    const again = f.open('/sse/all?topics=alerts', f.alice.cookie);
    await again.waitFor((e) => e.some((x) => x.event === 'ready'), 10_000, 'ready after the failover');
  });

  it('signs a user in and out with session keys spread over the cluster, closing the stream on sign-out', async () => {
    const carol = await registerAccount(f.gateway.url, 'carol@example.com');
    const stream = f.open('/sse/alerts', carol.cookie);
    await stream.waitFor((e) => e.some((x) => x.event === 'ready'), 5000, 'ready');
    const csrf = /ms_csrf=([^;]+)/.exec(carol.cookie)?.[1] ?? '';
    const out = await fetch(`${f.gateway.url}/api/auth/logout`, { method: 'POST', headers: { cookie: carol.cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBe(204);
    await stream.waitFor((e) => e.some((x) => x.event === 'error'), 5000, 'the signed-out error event');
    expect(stream.received.find((e) => e.event === 'error')?.data).toMatchObject({ reason: 'signed-out' });
    expect((await fetch(`${f.gateway.url}/sse/alerts`, { headers: { cookie: carol.cookie } })).status).toBe(401);
    expect(await f.clients['system'].exists(`session:${/ms_session=([^;]+)/.exec(carol.cookie)?.[1] ?? ''}`)).toBe(0);
  });
});

describe(`${StreamReader.name} on a Redis Cluster`, () => {
  let cluster: RedisClusterHandle;
  beforeAll(async () => {
    cluster = await startRedisCluster({ masters: 3, replicas: 1 });
  }, 30_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  /** A stream entry exactly as producers write it, validated first so a bad fixture fails here. */
  const entry = (topic: TopicName, data: Record<string, unknown>) => {
    const parsed = parseEvent({ topic, type: 'update', ts: Date.now(), data });
    if (!parsed.ok) throw new Error(formatEventIssues(parsed.issues));
    return encodeStreamEntry(parsed.event);
  };
  const payload: Partial<Record<TopicName, (seq: number) => Record<string, unknown>>> = {
    vexy: (seq) => ({ text: `note ${seq}`, seq }),
    intel: (seq) => ({ id: `n${seq}`, title: `item ${seq}`, source: 'wire', seq }),
    spot: (seq) => ({ symbol: 'SPX', price: 5000 + seq, seq }),
  };

  it('follows streams in three slots, two served by one node, without one blocked read holding up another, and resumes each exactly after a failover', async () => {
    // Three keys in three slots: two owned by one master, one by another.
    const owners = new Map<number, string[]>();
    for (let i = 0; i < 200; i++) {
      const key = `{reader-${i}}:stream`;
      const port = (await cluster.ownerOf(key)).port;
      owners.set(port, [...(owners.get(port) ?? []), key]);
    }
    const [shared, other] = [...owners.values()].sort((a, b) => b.length - a.length);
    const keys = [shared![0]!, shared![1]!, other![0]!];
    const topics: TopicName[] = ['vexy', 'intel', 'spot'];
    const streams = keys.map((key, i) => ({ key, topic: topics[i]! }));

    const received = new Map<TopicName, string[]>(topics.map((t) => [t, []]));
    const invalid: string[] = [];
    const redis = cluster.client();
    // Blocks far longer than any wait below: a read queued behind another group's would show as a timeout.
    const reader = new StreamReader(
      cluster.client(),
      streams,
      { onEvent: (event) => received.get(event.topic)!.push(formatStreamId(event.id)), onInvalid: (topic, reason) => invalid.push(`${topic}: ${reason}`) },
      createLogger('stream-reader-spec', 'silent'),
      30_000,
    );
    await reader.start();
    const written = new Map<TopicName, string[]>(topics.map((t) => [t, []]));
    const append = async (from: number, to: number) => {
      for (let seq = from; seq < to; seq++) {
        for (const { key, topic } of streams) {
          for (;;) {
            try {
              const id = await redis.xadd(key, '*', ...entry(topic, payload[topic]!(seq)));
              written.get(topic)!.push(id!);
              break;
            } catch {
              // Refused during the election, so not written: sent again.
              await sleep(50);
            }
          }
        }
      }
    };
    const caughtUp = () => topics.every((t) => received.get(t)!.length === written.get(t)!.length);
    const waitCaughtUp = async (what: string) => {
      const deadline = Date.now() + 10_000;
      while (!caughtUp()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify({ received: Object.fromEntries([...received].map(([t, ids]) => [t, ids.length])), invalid })}`);
        await sleep(20);
      }
    };

    try {
      // Only the second key of the shared node gets an entry: the first key's read blocks on that node meanwhile.
      const id = await redis.xadd(keys[1]!, '*', ...entry('intel', payload.intel!(1000)));
      written.get('intel')!.push(id!);
      await waitCaughtUp('an entry in a slot whose node also holds another blocked read');

      await append(0, 10);
      await waitCaughtUp('entries before the failover');
      await cluster.failover(keys[0]!);
      await append(10, 20);
      await waitCaughtUp('entries after the failover');
      for (const topic of topics) expect(received.get(topic), topic).toEqual(written.get(topic));
      expect(invalid).toEqual([]);
    } finally {
      await reader.stop();
    }
  });
});
