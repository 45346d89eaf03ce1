import { describe, expect, it } from 'vitest';
import { registerAccount } from '@marketswarm/shared/testing';
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
