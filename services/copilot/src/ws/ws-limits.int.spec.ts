import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { WS_CLOSE } from '@marketswarm/shared/dto';
import { loadRepoTruth, type SignedInAccount } from '@marketswarm/shared/testing';
import { CopilotWebSockets } from './copilot-websockets.js';
import { PROBE_PATH, ProbeChannel } from './testing/probe-channel.js';
import { startWsTestApp, type UpgradeOutcome, type WsTestApp } from './testing/ws-test-app.js';

function opened(outcome: UpgradeOutcome): { socket: WebSocket; closed: Promise<{ code: number; reason: string }> } & Extract<UpgradeOutcome, { kind: 'open' }> {
  if (outcome.kind !== 'open') throw new Error(`the upgrade was refused with ${outcome.status}: ${JSON.stringify(outcome.body)}`);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => outcome.socket.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })));
  return { ...outcome, closed };
}

function refused(outcome: UpgradeOutcome): Extract<UpgradeOutcome, { kind: 'refused' }> {
  if (outcome.kind !== 'refused') {
    outcome.socket.terminate();
    throw new Error('the upgrade was accepted');
  }
  return outcome;
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe(CopilotWebSockets.name, () => {
  describe('with at most 2 sockets per user', () => {
    let app: WsTestApp;
    let channel: ProbeChannel;
    let alice: SignedInAccount;
    let bob: SignedInAccount;

    beforeAll(async () => {
      channel = new ProbeChannel();
      app = await startWsTestApp({ ws: { maxSocketsPerUser: 2 }, channel });
      alice = await app.account('cap-alice@example.com');
      bob = await app.account('cap-bob@example.com');
    });
    afterAll(async () => {
      await app.stop();
    });

    it('refuses a user\'s third upgrade 429 before any socket exists, leaves the open ones alone, and lets another user in', async () => {
      const as = (who: SignedInAccount, label: string) => app.connect(`${PROBE_PATH}?label=${label}`, { headers: { cookie: who.cookie } });
      const first = opened(await as(alice, 'first'));
      const second = opened(await as(alice, 'second'));
      const third = refused(await as(alice, 'third'));
      expect(third.status).toBe(429);
      expect(third.headers['retry-after']).toBe('5');
      expect(third.body).toMatchObject({
        statusCode: 429,
        code: 'rate-limited',
        message: 'at most 2 WebSockets may be open per user: close one (another tab) or retry shortly',
        issues: [{ path: '(user)', message: 'already holds 2 open WebSockets' }],
      });
      expect(channel.opened).toBe(2);
      expect(first.socket.readyState).toBe(first.socket.OPEN);
      expect(second.socket.readyState).toBe(second.socket.OPEN);
      const other = opened(await as(bob, 'other'));
      expect(await other.inbox.next()).toMatchObject({ type: 'hello', userId: bob.userId });
      other.socket.close();
      await other.closed;

      // Once one of hers has closed, the next upgrade gets its slot.
      first.socket.close();
      await first.closed;
      await until(async () => (await app.metric('copilot_ws_open_sockets', { path: PROBE_PATH })) === 1, 'the server has seen the socket close');
      const again = opened(await as(alice, 'again'));
      expect(await again.inbox.next()).toMatchObject({ type: 'hello', label: 'again' });
      again.socket.close();
      second.socket.close();
      expect(await app.metric('copilot_ws_refused_total', { status: '429' })).toBe(1);
    });
  });

  describe('with 1 message a second after a burst of 3, on a clock the spec moves', () => {
    let app: WsTestApp;
    let trader: SignedInAccount;
    let clock = 0;

    beforeAll(async () => {
      app = await startWsTestApp({ ws: { messagesPerSecond: 1, messageBurst: 3, maxQueuedMessages: 100 }, channel: new ProbeChannel(), clock: () => clock });
      trader = await app.account('rate-trader@example.com');
    });
    afterAll(async () => {
      await app.stop();
    });

    const connect = async (label: string) => {
      const client = opened(await app.connect(`${PROBE_PATH}?label=${label}`, { headers: { cookie: trader.cookie } }));
      expect(await client.inbox.next()).toMatchObject({ type: 'hello', label });
      return client;
    };
    const echo = (client: { socket: WebSocket }, text: string) => client.socket.send(JSON.stringify({ type: 'echo', text }));

    it('closes 1008 too-many-messages a client past its burst, while another socket of the same user keeps its own allowance', async () => {
      const flood = await connect('flood');
      const calm = await connect('calm');
      for (const text of ['a', 'b', 'c']) echo(flood, text);
      for (const count of [1, 2, 3]) expect(await flood.inbox.next()).toMatchObject({ type: 'echo', count });
      // The clock has not moved: no token came back.
      echo(flood, 'd');
      expect(await flood.closed).toEqual({ code: 1008, reason: 'too-many-messages' });
      expect(WS_CLOSE.tooManyMessages).toEqual({ code: 1008, reason: 'too-many-messages' });
      expect(await app.metric('copilot_ws_dropped_total', { reason: 'too-many-messages' })).toBe(1);
      echo(calm, 'still mine');
      expect(await calm.inbox.next()).toEqual({ type: 'echo', label: 'calm', text: 'still mine', count: 1 });
      calm.socket.close();
    });

    it('gives back one message per second of the rate', async () => {
      const steady = await connect('steady');
      for (const text of ['a', 'b', 'c']) echo(steady, text);
      for (const count of [1, 2, 3]) expect(await steady.inbox.next()).toMatchObject({ count });
      clock += 1000;
      echo(steady, 'one more');
      expect(await steady.inbox.next()).toMatchObject({ text: 'one more', count: 4 });
      echo(steady, 'too soon');
      expect(await steady.closed).toEqual(WS_CLOSE.tooManyMessages);
    });
  });

  describe('with at most 2 messages waiting for the channel', () => {
    let app: WsTestApp;
    let channel: ProbeChannel;
    let trader: SignedInAccount;

    beforeAll(async () => {
      channel = new ProbeChannel();
      app = await startWsTestApp({ ws: { messagesPerSecond: 1000, messageBurst: 1000, maxQueuedMessages: 2 }, channel });
      trader = await app.account('queue-trader@example.com');
    });
    afterAll(async () => {
      await app.stop();
    });

    it('closes 1008 a client whose third message arrives while two wait on a slow handler, and handles none of its backlog', async () => {
      const client = opened(await app.connect(`${PROBE_PATH}?label=backlog`, { headers: { cookie: trader.cookie } }));
      expect(await client.inbox.next()).toMatchObject({ type: 'hello' });
      client.socket.send(JSON.stringify({ type: 'hold' }));
      await until(() => Promise.resolve(channel.holdsStarted === 1), 'the first hold is being handled');
      client.socket.send(JSON.stringify({ type: 'hold' }));
      client.socket.send(JSON.stringify({ type: 'echo', text: 'one too many' }));
      expect(await client.closed).toEqual(WS_CLOSE.tooManyMessages);
      channel.releaseHolds();
      // The channel's close runs after the queued messages: by then the second hold has had its turn, and was skipped.
      await until(() => Promise.resolve(channel.closed === 1), 'the channel has closed the socket');
      expect(channel.holdsStarted).toBe(1);
      expect(client.inbox.messages.filter((m) => m['type'] === 'echo')).toEqual([]);
    });
  });

  describe('after a truth reload', () => {
    let app: WsTestApp;
    let trader: SignedInAccount;

    beforeAll(async () => {
      app = await startWsTestApp({ ws: {}, channel: new ProbeChannel() });
      trader = await app.account('reload-trader@example.com');
    });
    afterAll(async () => {
      await app.stop();
    });

    it('gives the next upgrade the reloaded message size limit and socket cap, without a restart', async () => {
      const before = opened(await app.connect(`${PROBE_PATH}?label=before`, { headers: { cookie: trader.cookie } }));
      expect(await before.inbox.next()).toMatchObject({ type: 'hello' });
      const { version } = await loadRepoTruth(app.system, { patch: (truth) => void Object.assign(truth.components['copilot']!.settings, { ws: { maxPayloadBytes: 256, maxSocketsPerUser: 2 } }) });
      await until(() => Promise.resolve(app.ctx.truth().version === version), 'the copilot has taken in the reloaded truth');

      const after = opened(await app.connect(`${PROBE_PATH}?label=after`, { headers: { cookie: trader.cookie } }));
      expect(await after.inbox.next()).toMatchObject({ type: 'hello' });
      expect(refused(await app.connect(`${PROBE_PATH}?label=third`, { headers: { cookie: trader.cookie } })).status).toBe(429);
      // 300 bytes: under the 4 KiB the server booted with, over the 256 it now runs with.
      after.socket.send(JSON.stringify({ type: 'echo', text: 'x'.repeat(300) }));
      expect(await after.closed).toEqual(WS_CLOSE.tooBig);
      before.socket.close();
    });
  });
});
