import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, SessionRepository } from '@marketswarm/shared/auth';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import { CopilotWebSockets } from './copilot-websockets.js';
import { PROBE_PATH, ProbeChannel } from './testing/probe-channel.js';
import { startWsTestApp, type UpgradeOutcome, type WsTestApp } from './testing/ws-test-app.js';

const PARTNER = 'https://trade.example.com';

function refused(outcome: UpgradeOutcome) {
  if (outcome.kind !== 'refused') {
    outcome.socket.terminate();
    throw new Error('the upgrade was accepted');
  }
  return outcome;
}

function opened(outcome: UpgradeOutcome) {
  if (outcome.kind !== 'open') throw new Error(`the upgrade was refused with ${outcome.status}: ${JSON.stringify(outcome.body)}`);
  return outcome;
}

describe(CopilotWebSockets.name, () => {
  let app: WsTestApp;
  let channel: ProbeChannel;
  let trader: SignedInAccount;

  beforeAll(async () => {
    channel = new ProbeChannel();
    app = await startWsTestApp({ ws: { allowedOrigins: [PARTNER] }, channel });
    trader = await app.account('upgrade-trader@example.com');
  });
  afterAll(async () => {
    await app.stop();
  });

  /** Whatever was refused, the channel never saw a socket and none is open. */
  async function expectNoSocket(): Promise<void> {
    expect(channel.opened).toBe(0);
    expect(await app.metric('copilot_ws_open_sockets', { path: PROBE_PATH })).toBe(0);
  }

  describe('refusing before the upgrade', () => {
    it('answers 401 with the shared error body to a client without a session cookie, and creates no socket', async () => {
      const outcome = refused(await app.connect(`${PROBE_PATH}?label=alpha`, { headers: { 'x-request-id': 'spec-upgrade-401' } }));
      expect(outcome.status).toBe(401);
      expect(outcome.headers['x-request-id']).toBe('spec-upgrade-401');
      expect(outcome.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'unauthorized',
        message: 'sign in first',
        issues: [{ path: 'ms_session', message: 'no session cookie was sent' }],
        requestId: 'spec-upgrade-401',
      });
      await expectNoSocket();
    });

    it('answers 401 to a cookie naming no live session', async () => {
      const outcome = refused(await app.connect(`${PROBE_PATH}?label=alpha`, { headers: { cookie: `ms_session=${'x'.repeat(43)}` } }));
      expect(outcome.status).toBe(401);
      expect(outcome.body['issues']).toEqual([{ path: 'ms_session', message: 'the session has expired or was ended' }]);
      await expectNoSocket();
    });

    it('answers 403 to a signed-in browser on a foreign page (cross-site WebSocket hijacking)', async () => {
      const outcome = refused(await app.connect(`${PROBE_PATH}?label=alpha`, { headers: { cookie: trader.cookie }, origin: 'https://evil.example' }));
      expect(outcome.status).toBe(403);
      expect(outcome.body).toMatchObject({
        statusCode: 403,
        code: 'forbidden',
        issues: [{ path: 'Origin', message: 'https://evil.example is neither this site nor one of the allowed origins' }],
      });
      await expectNoSocket();
    });

    it('answers 403 to the same host on another port and to the opaque origin "null"', async () => {
      expect(refused(await app.connect(`${PROBE_PATH}?label=alpha`, { headers: { cookie: trader.cookie }, origin: 'http://127.0.0.1:1' })).status).toBe(403);
      expect(refused(await app.connect(`${PROBE_PATH}?label=alpha`, { headers: { cookie: trader.cookie }, origin: 'null' })).status).toBe(403);
      await expectNoSocket();
    });

    it('answers 404 naming the known paths for a path no channel serves', async () => {
      const outcome = refused(await app.connect('/ws/nope', { headers: { cookie: trader.cookie } }));
      expect(outcome.status).toBe(404);
      expect(outcome.body).toMatchObject({ statusCode: 404, code: 'not-found', message: 'no WebSocket at /ws/nope', issues: [{ path: '(path)', message: `must be one of ${PROBE_PATH}` }] });
      await expectNoSocket();
    });

    it('answers 400 naming the query field the channel refuses', async () => {
      const outcome = refused(await app.connect(`${PROBE_PATH}?label=UPPER`, { headers: { cookie: trader.cookie } }));
      expect(outcome.status).toBe(400);
      expect(outcome.body).toMatchObject({ statusCode: 400, code: 'bad-request', message: 'invalid query', issues: [{ path: 'label', message: 'must be lower-case letters' }] });
      await expectNoSocket();
    });

    it('counts each refusal by status', async () => {
      expect(await app.metric('copilot_ws_refused_total', { status: '401' })).toBe(2);
      expect(await app.metric('copilot_ws_refused_total', { status: '403' })).toBe(3);
      expect(await app.metric('copilot_ws_refused_total', { status: '404' })).toBe(1);
      expect(await app.metric('copilot_ws_refused_total', { status: '400' })).toBe(1);
    });
  });

  describe('accepting', () => {
    it('opens for the page on its own host, with the user the session names', async () => {
      const { socket, inbox } = opened(await app.connect(`${PROBE_PATH}?label=alpha`, { headers: { cookie: trader.cookie }, origin: `http://127.0.0.1:${app.port}` }));
      expect(await inbox.next()).toEqual({ type: 'hello', label: 'alpha', userId: trader.userId });
      socket.close();
    });

    it('opens for the host nginx forwards (Host without port, X-Forwarded-Port)', async () => {
      const { socket, inbox } = opened(
        await app.connect(`${PROBE_PATH}?label=beta`, { headers: { cookie: trader.cookie, host: 'localhost', 'x-forwarded-port': '8443' }, origin: 'https://localhost:8443' }),
      );
      expect(await inbox.next()).toMatchObject({ type: 'hello', label: 'beta' });
      socket.close();
    });

    it('opens for a configured origin', async () => {
      const { socket, inbox } = opened(await app.connect(`${PROBE_PATH}?label=gamma`, { headers: { cookie: trader.cookie }, origin: PARTNER }));
      expect(await inbox.next()).toMatchObject({ type: 'hello', label: 'gamma' });
      socket.close();
    });

    it('opens for a signed-in client that sends no Origin (not a browser)', async () => {
      const { socket, inbox } = opened(await app.connect(`${PROBE_PATH}?label=delta`, { headers: { cookie: trader.cookie } }));
      expect(await inbox.next()).toMatchObject({ type: 'hello', label: 'delta' });
      socket.close();
    });

    it('re-issues the session cookies on the 101 when the upgrade slid the session, as a REST call would', async () => {
      const twoMinutesAgo = () => Date.now() - 120_000;
      const session = await new SessionRepository(app.system, { ttlSec: 3600, now: twoMinutesAgo }).create({ id: trader.userId, role: 'trader' }, 'csrf-of-an-older-session');
      const { socket, inbox, headers } = opened(await app.connect(`${PROBE_PATH}?label=epsilon`, { headers: { cookie: `${SESSION_COOKIE}=${session.id}` } }));
      expect(await inbox.next()).toMatchObject({ type: 'hello', label: 'epsilon' });
      expect(headers['set-cookie']).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${SESSION_COOKIE}=${session.id}; Max-Age=\\d+; `))]));
      socket.close();
    });

    it('sets no cookie on the 101 of a session used a moment ago', async () => {
      const { socket, headers } = opened(await app.connect(`${PROBE_PATH}?label=zeta`, { headers: { cookie: trader.cookie } }));
      expect(headers['set-cookie']).toBeUndefined();
      socket.close();
    });
  });
});
