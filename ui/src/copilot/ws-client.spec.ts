import { describe, expect, it } from 'vitest';
import { melServerMessageSchema, WS_CLOSE, type MelClientMessage, type MelServerMessage } from '@marketswarm/shared/dto';
import { WsClient, wsUrl, type WsStatus } from './ws-client';
import { FakeSocket } from './testing/fake-socket';
import { melSnapshot } from './testing/mel-fixture';

function harness(session: 'ok' | 'signed-out' | 'unreachable' = 'ok') {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const messages: MelServerMessage[] = [];
  const statuses: WsStatus[] = [];
  const sessionChecks: number[] = [];
  let signedOut = 0;
  let dte = 0;
  const client = new WsClient<MelServerMessage, MelClientMessage>({
    path: () => `/ws/mel?dte=${dte}`,
    schema: melServerMessageSchema,
    onMessage: (m) => messages.push(m),
    onStatus: (s) => statuses.push(s),
    onSignedOut: () => signedOut++,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    checkSession: () => {
      sessionChecks.push(sockets.length);
      return Promise.resolve(session);
    },
    location: { protocol: 'https:', host: 'desk.example:8443' },
    policy: { baseMs: 500, maxMs: 8000 },
    random: () => 1,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => undefined,
  });
  const runTimer = async (): Promise<void> => {
    timers.shift()?.fn();
    await Promise.resolve();
    await Promise.resolve();
  };
  return {
    client,
    sockets,
    timers,
    messages,
    statuses,
    sessionChecks,
    runTimer,
    signedOut: () => signedOut,
    setDte: (d: number) => (dte = d),
    last: () => sockets[sockets.length - 1]!,
  };
}

describe(wsUrl.name, () => {
  it('speaks wss on an https page and ws on a plain one, always to the page origin', () => {
    expect(wsUrl('/ws/mel?dte=0', { protocol: 'https:', host: 'desk.example:8443' })).toBe('wss://desk.example:8443/ws/mel?dte=0');
    expect(wsUrl('/ws/commentary', { protocol: 'http:', host: '127.0.0.1:5180' })).toBe('ws://127.0.0.1:5180/ws/commentary');
  });
});

describe(WsClient.name, () => {
  it('hands on messages that match the shared map and counts and drops the rest', () => {
    const h = harness();
    h.client.open();
    h.last().accept();
    h.last().deliver({ type: 'snapshot', data: melSnapshot({ globalIntegrity: 81 }) });
    h.last().deliver({ type: 'snapshot', data: { symbol: 'SPX' } });
    h.last().deliver({ type: 'hello' });
    h.last().deliver('not json');
    expect(h.messages.map((m) => m.type)).toEqual(['snapshot']);
    expect(h.client.invalid).toBe(3);
    expect(h.statuses).toEqual(['connecting', 'open']);
  });

  it('sends only on an open socket', () => {
    const h = harness();
    h.client.open();
    expect(h.client.send({ type: 'set-dte', dte: 2 })).toBe(false);
    h.last().accept();
    expect(h.client.send({ type: 'set-dte', dte: 2 })).toBe(true);
    expect(h.last().sent).toEqual(['{"type":"set-dte","dte":2}']);
  });

  it('reconnects after a slow-consumer close or a lost connection, with growing delays, on the path of the moment', async () => {
    const h = harness();
    h.client.open();
    h.last().accept();
    h.last().drop(WS_CLOSE.slowConsumer.code);
    expect(h.statuses.at(-1)).toBe('reconnecting');
    expect(h.timers.map((t) => t.ms)).toEqual([500]);
    h.setDte(5);
    await h.runTimer();
    expect(h.sockets).toHaveLength(2);
    expect(h.last().url).toBe('wss://desk.example:8443/ws/mel?dte=5');
    h.last().accept();
    h.last().drop(1006);
    expect(h.timers.map((t) => t.ms)).toEqual([1000]);
    // An opened socket that was then cut needs no session check: the session was fine a moment ago.
    expect(h.sessionChecks).toEqual([]);
  });

  it('starts the delays again once a connection delivers', async () => {
    const h = harness();
    h.client.open();
    h.last().drop(1006);
    await h.runTimer();
    h.last().drop(1006);
    await h.runTimer();
    h.last().accept();
    h.last().deliver({ type: 'update', data: melSnapshot({}) });
    h.last().drop(1001);
    expect(h.timers.map((t) => t.ms)).toEqual([500]);
  });

  it('asks the session before retrying a socket that never opened, and stops when it is gone', async () => {
    const h = harness('signed-out');
    h.client.open();
    h.last().drop(1006);
    await h.runTimer();
    expect(h.sessionChecks).toEqual([1]);
    expect(h.sockets).toHaveLength(1);
    expect(h.signedOut()).toBe(1);
    expect(h.client.status).toBe('signed-out');
  });

  it('tries again when the session check cannot reach the server', async () => {
    const h = harness('unreachable');
    h.client.open();
    h.last().drop(1006);
    await h.runTimer();
    expect(h.sockets).toHaveLength(2);
  });

  it('never reconnects after the server says the session ended', () => {
    const h = harness();
    h.client.open();
    h.last().accept();
    h.last().drop(WS_CLOSE.sessionEnded.code);
    expect(h.timers).toEqual([]);
    expect(h.signedOut()).toBe(1);
    expect(h.statuses).toEqual(['connecting', 'open', 'signed-out']);
  });

  it('closes for good when asked, ignoring the late close event of the old socket', () => {
    const h = harness();
    h.client.open();
    h.last().accept();
    const socket = h.last();
    h.client.close();
    expect(socket.closedWith).toBe(1000);
    socket.drop(1000);
    expect(h.timers).toEqual([]);
    h.client.open();
    expect(h.sockets).toHaveLength(1);
    expect(h.client.status).toBe('closed');
  });
});
