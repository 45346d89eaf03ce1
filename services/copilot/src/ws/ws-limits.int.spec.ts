import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { SignedInAccount } from '@marketswarm/shared/testing';
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
});
