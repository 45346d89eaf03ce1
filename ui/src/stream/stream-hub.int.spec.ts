import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventSource } from 'eventsource';
import type { Redis } from 'ioredis';
import { publishEvents, validateForPublish } from '@marketswarm/shared/bus';
import { CSRF_COOKIE, CSRF_HEADER } from '@marketswarm/shared/dto';
import type { TopicName } from '@marketswarm/shared/events';
import type { PublicTruth } from '@marketswarm/shared/truth';
import { loadRepoTruth, registerAccount, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '@marketswarm/shared/testing';
import { createWorkspaceStores, type WorkspaceStores } from '../stores/workspace-stores';
import { readCookie } from '../api/http';
import type { Transport } from './protocol';
import { StreamHub } from './stream-hub';
import { workspaceStreams } from './stream-plan';

/**
 * The page's connection layer against a real gateway process and real Redis: the same StreamHub
 * and stores the browser runs, with Node's EventSource (the `eventsource` package) carrying the
 * session cookie the browser would send.
 */
describe('StreamHub against a real gateway', () => {
  let redis: RedisTrio;
  let truth: PublicTruth;
  let gateway: ServiceProcess;
  let port: number;
  const clients: Partial<Record<'system' | 'market' | 'intel', Redis>> = {};

  beforeAll(async () => {
    redis = await startRedisTrio();
    truth = (
      await loadRepoTruth(redis.system.client(), {
        patch: (t) => {
          t.components['sse']!.settings = { ...t.components['sse']!.settings, retryMs: 300, keepaliveMs: 1000 };
        },
      })
    ).truth;
    clients.system = redis.system.client();
    clients.market = redis.market.client();
    clients.intel = redis.intel.client();
    gateway = await startServiceProcess({ dir: 'services/sse', env: redis.env });
    port = gateway.port;
  });

  afterAll(async () => {
    await gateway?.stop();
    await redis?.stop();
  });

  const publish = async (topic: TopicName, payloads: Array<Record<string, unknown>>, user?: string) => {
    const route = truth.topics[topic]!;
    // Test payloads have no static type: validated first, as ./admin publish does with its JSON.
    await publishEvents(clients[route.bus]!, route, payloads.map((data) => validateForPublish(route, { topic, type: 'update', ts: Date.now(), data, ...(user ? { user } : {}) })));
  };

  const until = async (what: string, check: () => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  function openHub(transport: Transport, cookie: string): { hub: StreamHub; stores: WorkspaceStores } {
    const withCookie = (input: string | URL | Request, init?: RequestInit) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } });
    const hub = new StreamHub({
      transport,
      protocol: transport === 'multiplexed' ? 'http/1.1' : 'h2',
      // The base URL is read per connection: a restarted gateway keeps its port.
      createSource: (url) => new EventSource(`http://127.0.0.1:${port}${url}`, { fetch: withCookie }),
      checkSession: async () => {
        try {
          const res = await withCookie(`http://127.0.0.1:${port}/api/auth/me`);
          return res.status === 200 ? 'ok' : res.status === 401 ? 'signed-out' : 'unreachable';
        } catch {
          return 'unreachable';
        }
      },
      policy: { baseMs: 100, maxMs: 400 },
    });
    const { stores } = createWorkspaceStores(hub, () => undefined);
    hub.setPlan(workspaceStreams('SPX'));
    return { hub, stores };
  }

  const vexySeqs = (stores: WorkspaceStores) => stores.vexy.getItems().map((v) => v.seq).reverse();

  for (const transport of ['per-stream', 'multiplexed'] as const) {
    it(`${transport}: routes live topics into the stores and resumes across a gateway SIGKILL without loss or duplicates`, async () => {
      const account = await registerAccount(`http://127.0.0.1:${port}`, `hub-${transport}@example.com`);
      const { hub, stores } = openHub(transport, account.cookie);
      try {
        await until('live', () => hub.getState().status === 'live');
        expect(hub.getState().streams).toBe(transport === 'multiplexed' ? 1 : 8);
        const base = transport === 'multiplexed' ? 1000 : 0;
        await publish('spot', [{ symbol: 'SPX', price: 5012.5, prevClose: 5000 }]);
        await publish('vexy', [1, 2, 3].map((n) => ({ text: `note ${base + n}`, seq: base + n })));
        await publish('alerts', [{ id: `a-${transport}`, message: 'mine' }], account.userId);
        await until('spot and vexy', () => stores.spot.get('SPX')?.price === 5012.5 && vexySeqs(stores).includes(base + 3));
        await until('own alert', () => stores.alerts.getItems().some((a) => a.id === `a-${transport}`));

        await gateway.kill();
        await until('reconnecting', () => hub.getState().status === 'reconnecting');
        await publish('vexy', [4, 5, 6].map((n) => ({ text: `note ${base + n}`, seq: base + n })));
        gateway = await startServiceProcess({ dir: 'services/sse', env: redis.env, port });
        await publish('vexy', [7, 8].map((n) => ({ text: `note ${base + n}`, seq: base + n })));
        await until('resumed', () => vexySeqs(stores).includes(base + 8));
        const mine = vexySeqs(stores).filter((s) => s !== undefined && s > base && s <= base + 8);
        expect(mine).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => base + n));
        await until('live again', () => hub.getState().status === 'live');
      } finally {
        hub.close();
      }
    });
  }

  it('closes every stream and reports the end when the session signs out', async () => {
    const account = await registerAccount(`http://127.0.0.1:${port}`, 'hub-signout@example.com');
    const other = await registerAccount(`http://127.0.0.1:${port}`, 'hub-other@example.com');
    const { hub, stores } = openHub('per-stream', account.cookie);
    const watcher = openHub('per-stream', other.cookie);
    try {
      await until('live', () => hub.getState().status === 'live' && watcher.hub.getState().status === 'live');
      await publish('alerts', [{ id: 'for-other', message: 'not yours' }], other.userId);
      await until('other user got it', () => watcher.stores.alerts.getItems().length > 0);
      expect(stores.alerts.getItems().map((a) => a.id)).not.toContain('for-other');

      const csrf = readCookie(CSRF_COOKIE, account.cookie)!;
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/logout`, { method: 'POST', headers: { cookie: account.cookie, [CSRF_HEADER]: csrf } });
      expect(res.status).toBe(204);
      await until('signed out', () => hub.getState().status === 'signed-out');
      expect(hub.getState()).toMatchObject({ streams: 0, endReason: 'signed-out' });
      expect(watcher.hub.getState().status).toBe('live');
    } finally {
      hub.close();
      watcher.hub.close();
    }
  });
});
