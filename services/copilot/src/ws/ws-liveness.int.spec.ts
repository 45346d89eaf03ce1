import type { Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { readSessionCookies, SESSION_KEYS, SessionRepository } from '@marketswarm/shared/auth';
import { WS_CLOSE, WS_PING_TIMEOUT_CLOSE_CODE } from '@marketswarm/shared/dto';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import { CopilotWebSockets } from './copilot-websockets.js';
import type { ClientInbox } from './testing/client-inbox.js';
import { PROBE_PATH, ProbeChannel } from './testing/probe-channel.js';
import { startWsTestApp, type UpgradeOutcome, type WsTestApp } from './testing/ws-test-app.js';

interface OpenClient {
  socket: WebSocket;
  inbox: ClientInbox;
  closed: Promise<{ code: number; reason: string }>;
}

function client(outcome: UpgradeOutcome): OpenClient {
  if (outcome.kind !== 'open') throw new Error(`the upgrade was refused with ${outcome.status}: ${JSON.stringify(outcome.body)}`);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => outcome.socket.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })));
  return { socket: outcome.socket, inbox: outcome.inbox, closed };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function sessionIdOf(account: SignedInAccount): string {
  const id = readSessionCookies(account.cookie).session;
  if (!id) throw new Error('the account has no session cookie');
  return id;
}

describe(CopilotWebSockets.name, () => {
  describe('with a 1 s ping and a 1 kB message limit', () => {
    let app: WsTestApp;
    let trader: SignedInAccount;
    const open: OpenClient[] = [];

    async function connect(label: string, who: SignedInAccount = trader, options: { autoPong?: boolean } = {}): Promise<OpenClient> {
      const opened = client(await app.connect(`${PROBE_PATH}?label=${label}`, { headers: { cookie: who.cookie }, ...options }));
      open.push(opened);
      expect(await opened.inbox.next()).toMatchObject({ type: 'hello', label });
      return opened;
    }

    beforeAll(async () => {
      app = await startWsTestApp({ ws: { pingIntervalMs: 1000, maxPayloadBytes: 1024 }, channel: new ProbeChannel() });
      trader = await app.account('liveness-trader@example.com');
    });
    afterEach(() => {
      for (const { socket } of open.splice(0)) socket.terminate();
    });
    afterAll(async () => {
      await app.stop();
    });

    it('terminates a client that stops answering pings, while one that answers stays open', async () => {
      const silent = await connect('silent', trader, { autoPong: false });
      const answering = await connect('answering');
      const { code } = await silent.closed;
      expect(code).toBe(WS_PING_TIMEOUT_CLOSE_CODE);
      expect(await app.metric('copilot_ws_dropped_total', { reason: 'ping-timeout' })).toBe(1);
      // The answering client has been pinged at least as often and is still served.
      answering.socket.send(JSON.stringify({ type: 'echo', text: 'still here' }));
      expect(await answering.inbox.next()).toEqual({ type: 'echo', label: 'answering', text: 'still here', count: 1 });
    });

    it('closes 1009, with no reason, a client message over the size limit', async () => {
      const greedy = await connect('greedy');
      greedy.socket.send(JSON.stringify({ type: 'echo', text: 'x'.repeat(2000) }));
      expect(await greedy.closed).toEqual(WS_CLOSE.tooBig);
      expect(await app.metric('copilot_ws_dropped_total', { reason: 'too-big' })).toBe(1);
    });

    it('answers a message it cannot read with an error naming the problem, and keeps the socket open', async () => {
      const { socket, inbox } = await connect('sloppy');
      socket.send('{"type": "echo", text');
      expect(await inbox.next()).toMatchObject({ type: 'error', path: '(root)', message: expect.stringMatching(/^not JSON: /) as unknown });
      socket.send(JSON.stringify({ type: 'echo', text: 42 }));
      expect(await inbox.next()).toEqual({ type: 'error', path: 'text', message: 'text: Invalid input: expected string, received number' });
      socket.send(JSON.stringify({ type: 'shout' }));
      expect(await inbox.next()).toMatchObject({ type: 'error', path: 'type' });
      socket.send(Buffer.from([0xde, 0xad]), { binary: true });
      expect(await inbox.next()).toEqual({ type: 'error', path: '(root)', message: 'binary frames are not accepted: send one JSON text frame per message' });
      socket.send(JSON.stringify({ type: 'echo', text: 'valid at last' }));
      expect(await inbox.next()).toEqual({ type: 'echo', label: 'sloppy', text: 'valid at last', count: 1 });
    });

    it('keeps state per connection: two clients of one user get their own label and count', async () => {
      const alpha = await connect('alpha');
      const beta = await connect('beta');
      alpha.socket.send(JSON.stringify({ type: 'echo', text: 'a1' }));
      beta.socket.send(JSON.stringify({ type: 'echo', text: 'b1' }));
      alpha.socket.send(JSON.stringify({ type: 'echo', text: 'a2' }));
      expect(await alpha.inbox.next()).toEqual({ type: 'echo', label: 'alpha', text: 'a1', count: 1 });
      expect(await alpha.inbox.next()).toEqual({ type: 'echo', label: 'alpha', text: 'a2', count: 2 });
      expect(await beta.inbox.next()).toEqual({ type: 'echo', label: 'beta', text: 'b1', count: 1 });
    });

    it('closes 4001 by the next ping round the socket of a session that expired', async () => {
      const expiring = await app.account('expiring@example.com');
      const lapsed = await connect('lapsed', expiring);
      // Expiry announces nothing: only the ping round's sweep can notice.
      await app.system.del(SESSION_KEYS.session(sessionIdOf(expiring)));
      expect(await lapsed.closed).toEqual(WS_CLOSE.sessionEnded);
    });
  });

  describe('with a 60 s ping and a 256 kB send buffer', () => {
    let app: WsTestApp;
    let channel: ProbeChannel;
    let trader: SignedInAccount;

    beforeAll(async () => {
      channel = new ProbeChannel();
      // A long ping interval: the paused client must be dropped for its buffer, not for a missed pong.
      app = await startWsTestApp({ ws: { pingIntervalMs: 60_000, sendBufferBytes: 256 * 1024 }, channel });
      trader = await app.account('slow-trader@example.com');
    });
    afterAll(async () => {
      await app.stop();
    });

    it('closes 4008 a client that stops reading once its queue passes the budget, while a reading client keeps receiving', async () => {
      const slow = client(await app.connect(`${PROBE_PATH}?label=slow`, { headers: { cookie: trader.cookie } }));
      const reading = client(await app.connect(`${PROBE_PATH}?label=reading`, { headers: { cookie: trader.cookie } }));
      const tcp = (slow.socket as unknown as { _socket: Socket })._socket;
      tcp.pause();
      const tick = { type: 'tick', pad: 'x'.repeat(32 * 1024) } as const;
      const ticker = setInterval(() => channel.broadcast(tick), 5);
      try {
        await until(async () => (await app.metric('copilot_ws_dropped_total', { reason: 'slow-consumer' })) === 1, 'the slow client is dropped');
        const readAtDrop = reading.inbox.messages.length;
        await until(() => reading.inbox.messages.length > readAtDrop + 20, 'the reading client gets 20 more ticks');
        expect(reading.socket.readyState).toBe(reading.socket.OPEN);
        // Once it reads again, it finds the close frame behind what was queued before the drop.
        tcp.resume();
        expect(await slow.closed).toEqual(WS_CLOSE.slowConsumer);
        expect(slow.inbox.messages.length).toBeLessThan(reading.inbox.messages.length);
      } finally {
        clearInterval(ticker);
        reading.socket.terminate();
      }
    });

    it('closes 4001 the sockets of a session that signs out long before any ping round, and only those', async () => {
      const leaving = await app.account('leaving@example.com');
      const gone = client(await app.connect(`${PROBE_PATH}?label=gone`, { headers: { cookie: leaving.cookie } }));
      const staying = client(await app.connect(`${PROBE_PATH}?label=staying`, { headers: { cookie: trader.cookie } }));
      await gone.inbox.next();
      await staying.inbox.next();
      await new SessionRepository(app.system, { ttlSec: 3600 }).delete(sessionIdOf(leaving));
      expect(await gone.closed).toEqual(WS_CLOSE.sessionEnded);
      staying.socket.send(JSON.stringify({ type: 'echo', text: 'mine' }));
      expect(await staying.inbox.next()).toMatchObject({ type: 'echo', label: 'staying' });
    });
  });

  describe('shutting down', () => {
    it('closes every open socket 1001 going-away', async () => {
      const app = await startWsTestApp({ ws: {}, channel: new ProbeChannel() });
      try {
        const trader = await app.account('shutdown-trader@example.com');
        const first = client(await app.connect(`${PROBE_PATH}?label=first`, { headers: { cookie: trader.cookie } }));
        const second = client(await app.connect(`${PROBE_PATH}?label=second`, { headers: { cookie: trader.cookie } }));
        await first.inbox.next();
        await second.inbox.next();
        await app.ctx.shutdown('spec');
        expect(await first.closed).toEqual(WS_CLOSE.goingAway);
        expect(await second.closed).toEqual(WS_CLOSE.goingAway);
      } finally {
        await app.stop();
      }
    });
  });
});
