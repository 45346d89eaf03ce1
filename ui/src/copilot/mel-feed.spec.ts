import { describe, expect, it } from 'vitest';
import { MelFeed } from './mel-feed';
import { FakeSocket } from './testing/fake-socket';
import { melSnapshot } from './testing/mel-fixture';

function feedAt(dte: number) {
  const sockets: FakeSocket[] = [];
  const timers: (() => void)[] = [];
  const feed = new MelFeed(dte, {
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    location: { protocol: 'https:', host: 'desk.example' },
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => undefined,
  });
  feed.start();
  return { feed, sockets, timers, last: () => sockets[sockets.length - 1]! };
}

describe(MelFeed.name, () => {
  it('connects with its DTE and keeps the latest snapshot of it', () => {
    const { feed, last } = feedAt(2);
    expect(last().url).toBe('wss://desk.example/ws/mel?dte=2');
    last().accept();
    last().deliver({ type: 'snapshot', data: melSnapshot({ dte: 2, globalIntegrity: 71 }) });
    last().deliver({ type: 'update', data: melSnapshot({ dte: 2, globalIntegrity: 64 }) });
    expect(feed.getState()).toMatchObject({ dte: 2, status: 'open', snapshot: { globalIntegrity: 64, state: 'DEGRADED' } });
  });

  it('sends set-dte on the open socket, clears the old picture and ignores late updates of the old DTE', () => {
    const { feed, last } = feedAt(0);
    last().accept();
    last().deliver({ type: 'snapshot', data: melSnapshot({ dte: 0 }) });
    feed.setDte(5);
    expect(last().sent).toEqual(['{"type":"set-dte","dte":5}']);
    expect(feed.getState().snapshot).toBeUndefined();
    last().deliver({ type: 'update', data: melSnapshot({ dte: 0, globalIntegrity: 30 }) });
    expect(feed.getState().snapshot).toBeUndefined();
    last().deliver({ type: 'snapshot', data: melSnapshot({ dte: 5, globalIntegrity: 90 }) });
    expect(feed.getState().snapshot?.globalIntegrity).toBe(90);
  });

  it('reconnects with the DTE chosen while it was away', () => {
    const { feed, timers, last } = feedAt(0);
    last().drop(1006);
    feed.setDte(7);
    timers.shift()?.();
    expect(last().url).toBe('wss://desk.example/ws/mel?dte=7');
  });

  it('keeps the server refusal to show it, and notifies subscribers on each change', () => {
    const { feed, last } = feedAt(0);
    let calls = 0;
    feed.subscribe(() => calls++);
    last().accept();
    last().deliver({ type: 'error', message: 'must be at most 60', path: 'dte' });
    expect(feed.getState().error).toBe('must be at most 60');
    expect(calls).toBe(2);
  });
});
