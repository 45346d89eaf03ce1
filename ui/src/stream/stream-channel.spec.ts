import { describe, expect, it } from 'vitest';
import type { StreamReset, TypedEvent } from '@marketswarm/shared/events';
import { StreamChannel, type ChannelStatus, type SessionCheck } from './stream-channel';

/** A stand-in for the browser's EventSource: the test plays the server and the network. */
class FakeSource extends EventTarget {
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readyState = 0;
  onopen: ((e: Event) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  constructor(readonly url: string) {
    super();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  frame(name: string, data: unknown, id = ''): void {
    const e = new MessageEvent(name, { data: JSON.stringify(data), lastEventId: id });
    this.dispatchEvent(e);
    if (name === 'error') this.onerror?.(e);
  }
  drop(state: 'retrying' | 'failed'): void {
    this.readyState = state === 'retrying' ? 0 : 2;
    this.onerror?.(new Event('error'));
  }
  close(): void {
    this.readyState = 2;
  }
}

function harness(session: SessionCheck = () => Promise.resolve('ok')) {
  const sources: FakeSource[] = [];
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const events: TypedEvent[] = [];
  const statuses: ChannelStatus[] = [];
  const resets: StreamReset[] = [];
  const invalid: string[] = [];
  const ended: string[] = [];
  const channel = new StreamChannel(
    { key: 'market', path: '/sse/market', topics: ['spot'] },
    {
      createSource: (url) => {
        const source = new FakeSource(url);
        sources.push(source);
        return source as unknown as EventSource;
      },
      checkSession: session,
      random: () => 0,
      policy: { baseMs: 100, maxMs: 1000 },
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => undefined,
      listener: {
        event: (e) => events.push(e),
        invalid: (topic) => invalid.push(topic),
        reset: (r) => resets.push(r),
        status: (s) => statuses.push(s),
        signedOut: (reason) => ended.push(reason),
      },
    },
  );
  const runTimer = async () => {
    timers.shift()?.fn();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { channel, sources, timers, events, statuses, resets, invalid, ended, runTimer, last: () => sources[sources.length - 1]! };
}

const tick = { topic: 'spot', type: 'tick', ts: 1, data: { symbol: 'SPX', price: 5000 } };

describe(StreamChannel.name, () => {
  it('delivers validated events and counts malformed frames instead of passing them on', () => {
    const h = harness();
    h.channel.open();
    h.last().open();
    h.last().frame('spot', tick, 'c1');
    h.last().frame('spot', { ...tick, data: { symbol: 'spx', price: -1 } }, 'c2');
    h.last().dispatchEvent(new MessageEvent('spot', { data: '{not json', lastEventId: 'c3' }));
    expect(h.events).toHaveLength(1);
    expect(h.invalid).toEqual(['spot', 'spot']);
    expect(h.statuses).toEqual(['live']);
    expect(h.channel.lastEventId).toBe('c3');
  });

  it('leaves a cut stream to the browser, and reopens a failed one after a backoff from the last cursor', async () => {
    const h = harness();
    h.channel.open();
    h.last().open();
    h.last().frame('spot', tick, 'cursor/1');
    h.last().drop('retrying');
    expect(h.statuses).toEqual(['live', 'reconnecting']);
    expect(h.sources).toHaveLength(1);
    h.last().drop('failed');
    expect(h.timers.map((t) => t.ms)).toEqual([50]);
    await h.runTimer();
    expect(h.sources).toHaveLength(2);
    expect(h.last().url).toBe('/sse/market?lastEventId=cursor%2F1');
    h.last().drop('failed');
    expect(h.timers.map((t) => t.ms)).toEqual([100]);
    await h.runTimer();
    h.last().open();
    expect(h.statuses.at(-1)).toBe('live');
    h.last().drop('failed');
    expect(h.timers.map((t) => t.ms)).toEqual([50]);
  });

  it('treats the gateway’s slow-consumer error frame as a resumable end, not a failure', () => {
    const h = harness();
    h.channel.open();
    h.last().open();
    h.last().frame('error', { reason: 'slow-consumer', message: 'behind' });
    expect(h.timers).toEqual([]);
    expect(h.ended).toEqual([]);
    expect(h.statuses).toEqual(['live']);
  });

  it('stops for good when the gateway says signed-out, or when the session check before a retry fails', async () => {
    const signedOut = harness();
    signedOut.channel.open();
    signedOut.last().open();
    signedOut.last().frame('error', { reason: 'signed-out', message: 'signed out' });
    expect(signedOut.ended).toEqual(['signed-out']);
    expect(signedOut.statuses.at(-1)).toBe('ended');

    const expired = harness(() => Promise.resolve('signed-out'));
    expired.channel.open();
    expired.last().drop('failed');
    await expired.runTimer();
    expect(expired.ended).toEqual(['expired']);
    expect(expired.sources).toHaveLength(1);
  });

  it('keeps trying while the gateway is unreachable and opens nothing once closed', async () => {
    let answer: 'ok' | 'unreachable' = 'unreachable';
    const h = harness(() => Promise.resolve(answer));
    h.channel.open();
    h.last().drop('failed');
    await h.runTimer();
    expect(h.sources).toHaveLength(2);
    h.last().drop('failed');
    answer = 'ok';
    h.channel.close();
    await h.runTimer();
    expect(h.sources).toHaveLength(2);
  });

  it('passes resets on and ignores control frames that are not JSON', () => {
    const h = harness();
    h.channel.open();
    h.last().frame('reset', { topic: 'spot', reason: 'retention' });
    h.last().frame('reset', { topic: 'nope', reason: 'retention' });
    expect(h.resets).toEqual([{ topic: 'spot', reason: 'retention' }]);
    expect(h.invalid).toEqual(['reset']);
  });
});
