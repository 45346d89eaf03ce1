import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Registry } from '@marketswarm/shared/metrics';
import { FakeResponse } from '../testing/fake-response.js';
import { createGatewayMetrics } from './gateway-metrics.js';
import { ingest } from './ingested-event.js';
import { PositionSeal } from './position-seal.js';
import { CursorCodec } from './resume-cursor.js';
import { SseConnection } from './sse-connection.js';
import { SubscriberRegistry } from './subscriber-registry.js';
import type { Subscription } from './subscription.js';

const codec = new CursorCodec(new PositionSeal(randomBytes(32)));
const metrics = createGatewayMetrics(new Registry());

function connect(registry: SubscriberRegistry, owner: { id: string; sessionId: string }, topics: Subscription['topics']) {
  const res = new FakeResponse();
  const connection = new SseConnection(res.asResponse(), owner, { route: 'test', topics, symbol: undefined }, null, {
    byteBudget: 1 << 20,
    codec,
    metrics,
    onClose: (c) => registry.remove(c),
  });
  connection.goLive();
  registry.add(connection);
  return { res, connection };
}

describe(SubscriberRegistry.name, () => {
  it('dispatches an event only to the connections that follow its topic and may see it', () => {
    const registry = new SubscriberRegistry();
    const market = connect(registry, { id: 'a', sessionId: 'a1' }, ['spot']);
    const alerts = connect(registry, { id: 'a', sessionId: 'a1' }, ['alerts']);
    const bobs = connect(registry, { id: 'b', sessionId: 'b1' }, ['alerts']);
    registry.dispatch(ingest({ topic: 'alerts', type: 'alert', ts: 1, data: { id: 'x', message: 'for a', severity: 'info' }, user: 'a' }, { ms: 1, seq: 0 }));
    expect(market.res.frames()).toEqual([]);
    expect(alerts.res.frames()).toHaveLength(1);
    expect(bobs.res.frames()).toEqual([]);
  });

  it('counts open streams per user and per session, and forgets closed ones once', () => {
    const registry = new SubscriberRegistry();
    const one = connect(registry, { id: 'a', sessionId: 'a1' }, ['spot']);
    connect(registry, { id: 'a', sessionId: 'a2' }, ['spot', 'vexy']);
    connect(registry, { id: 'b', sessionId: 'b1' }, ['vexy']);
    expect([registry.countForUser('a'), registry.countForSession('a1'), registry.countForSession('a2'), registry.countForUser('b')]).toEqual([2, 1, 1, 1]);
    one.res.hangUp();
    registry.remove(one.connection);
    expect([registry.countForUser('a'), registry.countForSession('a1'), registry.size]).toEqual([1, 0, 2]);
    expect(registry.countForUser('constructor')).toBe(0);
  });

  it('lists the sessions behind its connections and their streams, and stats without payloads', () => {
    const registry = new SubscriberRegistry();
    connect(registry, { id: 'a', sessionId: 'a1' }, ['spot']);
    connect(registry, { id: 'a', sessionId: 'a1' }, ['vexy']);
    expect([...registry.sessionIds()]).toEqual(['a1']);
    expect(registry.forSession('a1')).toHaveLength(2);
    expect(Object.keys(registry.stats()[0]!).sort()).toEqual(['connectedAt', 'id', 'pendingBytes', 'route', 'topics']);
  });
});
