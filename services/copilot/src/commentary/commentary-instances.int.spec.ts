import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentaryDto } from '@marketswarm/shared/dto';
import { startRedisTrio, type RedisTrio, type SignedInAccount } from '@marketswarm/shared/testing';
import type { FiredAlert } from '../alerts/fired-alerts.js';
import { startCommentaryApp, type CommentaryApp, type CommentarySocket } from './commentary-app.testing.js';
import { encodeLineNotice } from './commentary-line-notice.js';
import { COMMENTARY_KEYS } from './commentary.store.js';
import { COMMENTARY_CONFIG_WRITES_PER_MINUTE } from './commentary.service.js';

/** Ids of the commentary lines a socket received, in order. */
function linesOf(socket: CommentarySocket): string[] {
  return socket.messages.flatMap((m) => (m.type === 'commentary' ? [m.item.id] : []));
}

describe('CommentaryModule on two copilot instances', () => {
  let redis: RedisTrio;
  let one: CommentaryApp;
  let two: CommentaryApp;
  let barriers = 0;

  beforeAll(async () => {
    redis = await startRedisTrio();
    // MEL's own timer stays out of the way: no market-wide line interleaves with the ones under test.
    one = await startCommentaryApp({ melIntervalMs: 60_000 }, {}, redis);
    two = await startCommentaryApp({ melIntervalMs: 60_000 }, {}, redis);
  });
  afterAll(async () => {
    await one?.stop();
    await two?.stop();
    await redis?.stop();
  });

  /**
   * Announces a line for `who` as a third instance would and waits until `sockets` have it. Redis
   * sends each subscriber its messages in publish order, so anything announced before has reached
   * these sockets by then: a duplicate would already be in their messages.
   */
  async function barrier(who: SignedInAccount, sockets: Array<{ socket: CommentarySocket; seen: number }>): Promise<CommentaryDto> {
    const item: CommentaryDto = { id: `barrier-${++barriers}`, ts: Date.now(), kind: 'on-demand', severity: 'info', text: 'barrier', source: 'rules' };
    await one.system.publish(COMMENTARY_KEYS.lineChannel, encodeLineNotice('spec', who.userId, item));
    for (const { socket, seen } of sockets) expect((await socket.next('commentary', seen)).item).toEqual(item);
    return item;
  }

  async function connected(app: CommentaryApp, who: SignedInAccount): Promise<CommentarySocket> {
    const socket = await app.connect(who);
    await socket.next('recent');
    return socket;
  }

  it('sends a line on an alert fired on one instance to its owner\'s sockets on both, once each', async () => {
    const alice = await one.account('alice@example.com');
    const bob = await one.account('bob@example.com');
    const [tabOnOne, tabOnTwo, bobOnTwo] = await Promise.all([connected(one, alice), connected(two, alice), connected(two, bob)]);
    const fired: FiredAlert = { userId: alice.userId, alertId: 'a1', hitId: 'h1', kind: 'price', message: 'SPX above 6,000', severity: 'critical', value: 6001.25, symbol: 'SPX', at: Date.now() };
    one.fired.emit(fired);
    const onTwo = (await tabOnTwo.next('commentary')).item;
    expect(onTwo).toMatchObject({ kind: 'alert-fired', severity: 'critical', text: 'Alert fired: SPX above 6,000. Seen at 6,001.25.' });
    expect((await tabOnOne.next('commentary')).item).toEqual(onTwo);
    const last = await barrier(alice, [
      { socket: tabOnOne, seen: 1 },
      { socket: tabOnTwo, seen: 1 },
    ]);
    expect(linesOf(tabOnOne)).toEqual([onTwo.id, last.id]);
    expect(linesOf(tabOnTwo)).toEqual([onTwo.id, last.id]);
    const bobs = await barrier(bob, [{ socket: bobOnTwo, seen: 0 }]);
    expect(linesOf(bobOnTwo)).toEqual([bobs.id]);
  });

  it('sends a line triggered on one instance to the user\'s sockets on both, once each', async () => {
    const carol = await one.account('carol@example.com');
    const [tabOnOne, tabOnTwo] = await Promise.all([connected(one, carol), connected(two, carol)]);
    const trigger = await two.call<CommentaryDto>(carol, 'POST', '/api/commentary/trigger', {});
    expect(trigger.status).toBe(201);
    expect((await tabOnOne.next('commentary')).item).toEqual(trigger.body);
    expect((await tabOnTwo.next('commentary')).item).toEqual(trigger.body);
    const last = await barrier(carol, [
      { socket: tabOnOne, seen: 1 },
      { socket: tabOnTwo, seen: 1 },
    ]);
    expect(linesOf(tabOnOne)).toEqual([trigger.body.id, last.id]);
    expect(linesOf(tabOnTwo)).toEqual([trigger.body.id, last.id]);
  });

  it('does not send a socket again a line it already had in recent', async () => {
    const dave = await one.account('dave@example.com');
    const item: CommentaryDto = { id: 'stored-before-connect', ts: Date.now(), kind: 'alert-fired', severity: 'info', text: 'Alert fired: stored.', source: 'rules' };
    // Stored, then announced only after this socket read its recent: the late announcement of a line on another instance.
    await one.system.lpush(COMMENTARY_KEYS.items(dave.userId), JSON.stringify(item));
    const tab = await connected(two, dave);
    expect(tab.messages[1]).toEqual({ type: 'recent', items: [item] });
    await one.system.publish(COMMENTARY_KEYS.lineChannel, encodeLineNotice('other-copilot', dave.userId, item));
    const last = await barrier(dave, [{ socket: tab, seen: 0 }]);
    expect(linesOf(tab)).toEqual([last.id]);
  });

  it(`limits a user's config changes to ${COMMENTARY_CONFIG_WRITES_PER_MINUTE} a minute across both instances, REST and WebSocket alike`, async () => {
    const erin = await one.account('erin@example.com');
    const other = await one.account('fred@example.com');
    for (let n = 0; n < COMMENTARY_CONFIG_WRITES_PER_MINUTE; n++) {
      const app = n % 2 === 0 ? one : two;
      expect((await app.call(erin, 'PUT', '/api/commentary/config', { maxPerMinute: n + 1 })).status).toBe(200);
    }
    const refused = await one.call<{ code: string; message: string }>(erin, 'PUT', '/api/commentary/config', { enabled: false });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'rate-limited', message: `at most ${COMMENTARY_CONFIG_WRITES_PER_MINUTE} config changes a minute` });
    expect((await two.call(erin, 'PUT', '/api/commentary/config', { enabled: false })).status).toBe(429);
    const socket = await connected(two, erin);
    socket.send({ type: 'config_update', patch: { enabled: false } });
    expect(await socket.next('error')).toEqual({ type: 'error', message: `at most ${COMMENTARY_CONFIG_WRITES_PER_MINUTE} config changes a minute` });
    // The refused changes were not stored, and another user is not limited by Erin's changes.
    expect((await two.call(erin, 'GET', '/api/commentary/config')).body).toMatchObject({ enabled: true, maxPerMinute: COMMENTARY_CONFIG_WRITES_PER_MINUTE });
    expect((await two.call(other, 'PUT', '/api/commentary/config', { enabled: false })).status).toBe(200);
  });
});
