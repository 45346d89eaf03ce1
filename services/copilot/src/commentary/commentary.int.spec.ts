import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEvents } from '@marketswarm/shared/bus';
import { copilotSettings } from '@marketswarm/shared/truth';
import { DEFAULT_COMMENTARY_CONFIG, type CommentaryConfigDto, type CommentaryDto, type CommentaryListDto } from '@marketswarm/shared/dto';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import { openCallVertical } from '../book/user-book.fixtures.js';
import { startCommentaryApp, type CommentaryApp } from './commentary-app.testing.js';
import { startChatServer, type ChatServer } from './provider/chat-completions-server.testing.js';
import { COMMENTARY_KEYS } from './commentary.store.js';

describe('CommentaryModule', () => {
  let app: CommentaryApp;
  let alice: SignedInAccount;
  let bob: SignedInAccount;

  beforeAll(async () => {
    // MEL's own timer stays out of the way: the spec runs each cycle itself.
    app = await startCommentaryApp({ melIntervalMs: 60_000 });
    alice = await app.account('alice@example.com');
    bob = await app.account('bob@example.com');
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('REST', () => {
    it('answers the default config until the user changes it', async () => {
      const answer = await app.call<CommentaryConfigDto>(alice, 'GET', '/api/commentary/config');
      expect(answer).toEqual({ status: 200, body: DEFAULT_COMMENTARY_CONFIG });
    });

    it('merges a config change into the stored config', async () => {
      const put = await app.call<CommentaryConfigDto>(alice, 'PUT', '/api/commentary/config', { maxPerMinute: 12, useProvider: true });
      expect(put).toEqual({ status: 200, body: { ...DEFAULT_COMMENTARY_CONFIG, maxPerMinute: 12, useProvider: true } });
      expect((await app.call<CommentaryConfigDto>(alice, 'GET', '/api/commentary/config')).body).toEqual(put.body);
      expect((await app.call<CommentaryConfigDto>(bob, 'GET', '/api/commentary/config')).body).toEqual(DEFAULT_COMMENTARY_CONFIG);
    });

    it('refuses a config change with 400 naming the field and the reason', async () => {
      const answer = await app.call<{ issues: Array<{ path: string; message: string }> }>(alice, 'PUT', '/api/commentary/config', { maxPerMinute: 0 });
      expect(answer.status).toBe(400);
      expect(answer.body.issues).toEqual([{ path: 'maxPerMinute', message: 'must be at least 1' }]);
      const unknownKind = await app.call<{ issues: Array<{ path: string; message: string }> }>(alice, 'PUT', '/api/commentary/config', { kinds: ['gossip'] });
      expect(unknownKind.status).toBe(400);
      expect(unknownKind.body.issues[0]?.path).toBe('kinds.0');
    });

    it('refuses an empty config change', async () => {
      expect((await app.call(alice, 'PUT', '/api/commentary/config', {})).status).toBe(400);
    });

    it('answers a trigger with 201 and the line, which then leads the user\'s list', async () => {
      const trigger = await app.call<CommentaryDto>(alice, 'POST', '/api/commentary/trigger', {});
      expect(trigger.status).toBe(201);
      expect(trigger.body).toMatchObject({ kind: 'on-demand', severity: 'info', source: 'rules', symbol: 'SPX' });
      expect(trigger.body.text).toMatch(/^SPX: no live price\. MEL \d+\.\d [A-Z]+, coherence \w+; weakest model /);
      const list = await app.call<CommentaryListDto>(alice, 'GET', '/api/commentary?limit=5');
      expect(list.status).toBe(200);
      expect(list.body.items[0]).toEqual(trigger.body);
    });

    it('refuses a bad limit and an empty question with 400 naming the field', async () => {
      const limit = await app.call<{ issues: Array<{ path: string }> }>(alice, 'GET', '/api/commentary?limit=0');
      expect(limit.status).toBe(400);
      expect(limit.body.issues[0]?.path).toBe('limit');
      const question = await app.call<{ issues: Array<{ path: string }> }>(alice, 'POST', '/api/commentary/trigger', { question: '   ' });
      expect(question.status).toBe(400);
      expect(question.body.issues[0]?.path).toBe('question');
    });

    it('never shows one user\'s lines to another', async () => {
      await app.call(alice, 'POST', '/api/commentary/trigger', {});
      const bobs = await app.call<CommentaryListDto>(bob, 'GET', '/api/commentary');
      expect(bobs).toEqual({ status: 200, body: { items: [] } });
    });

    it('answers 401 without a session', async () => {
      expect((await app.call(null, 'GET', '/api/commentary')).status).toBe(401);
      expect((await app.call(null, 'GET', '/api/commentary/config')).status).toBe(401);
    });

    it('refuses a write without the CSRF header with 403', async () => {
      expect((await app.call(alice, 'PUT', '/api/commentary/config', { enabled: false }, { csrf: false })).status).toBe(403);
      expect((await app.call(alice, 'POST', '/api/commentary/trigger', {}, { csrf: false })).status).toBe(403);
    });
  });

  describe('/ws/commentary', () => {
    it('sends init with the config, then recent newest first', async () => {
      const carol = await app.account('carol@example.com');
      const first = await app.call<CommentaryDto>(carol, 'POST', '/api/commentary/trigger', {});
      const second = await app.call<CommentaryDto>(carol, 'POST', '/api/commentary/trigger', {});
      const client = await app.connect(carol);
      await client.next('recent');
      expect(client.messages.slice(0, 2)).toEqual([
        { type: 'init', config: DEFAULT_COMMENTARY_CONFIG },
        { type: 'recent', items: [second.body, first.body] },
      ]);
    });

    it('sends a triggered line to every socket of its owner and to no one else', async () => {
      const dave = await app.account('dave@example.com');
      const tab1 = await app.connect(dave);
      const tab2 = await app.connect(dave);
      const other = await app.connect(bob);
      await Promise.all([tab1.next('recent'), tab2.next('recent'), other.next('recent')]);
      const trigger = await app.call<CommentaryDto>(dave, 'POST', '/api/commentary/trigger', {});
      expect((await tab1.next('commentary')).item).toEqual(trigger.body);
      expect((await tab2.next('commentary')).item).toEqual(trigger.body);
      // Bob's own trigger arrives after anything of Dave's would have: his socket saw only his.
      const mine = await app.call<CommentaryDto>(bob, 'POST', '/api/commentary/trigger', {});
      expect((await other.next('commentary')).item).toEqual(mine.body);
      expect(other.messages.filter((m) => m.type === 'commentary')).toHaveLength(1);
    });

    it('sends config_update when the config changes over REST', async () => {
      const erin = await app.account('erin@example.com');
      const client = await app.connect(erin);
      await client.next('recent');
      await app.call(erin, 'PUT', '/api/commentary/config', { enabled: false });
      expect(await client.next('config_update')).toEqual({ type: 'config_update', config: { ...DEFAULT_COMMENTARY_CONFIG, enabled: false } });
    });

    it('follows a config another instance changed, announced by the wake-up', async () => {
      const fay = await app.account('fay@example.com');
      const client = await app.connect(fay);
      await client.next('recent');
      const config = { ...DEFAULT_COMMENTARY_CONFIG, kinds: ['alert-fired' as const] };
      await app.system.set(COMMENTARY_KEYS.config(fay.userId), JSON.stringify(config));
      await app.system.publish(COMMENTARY_KEYS.configChannel, fay.userId);
      expect(await client.next('config_update')).toEqual({ type: 'config_update', config });
    });

    it('takes config_update and trigger from the client', async () => {
      const gus = await app.account('gus@example.com');
      const client = await app.connect(gus);
      await client.next('recent');
      client.send({ type: 'config_update', patch: { maxPerMinute: 3 } });
      expect((await client.next('config_update')).config.maxPerMinute).toBe(3);
      client.send({ type: 'trigger', question: 'Is the pin holding?' });
      expect((await client.next('commentary')).item.kind).toBe('on-demand');
    });

    it('answers a malformed client message with an error naming the field and stays open', async () => {
      const hal = await app.account('hal@example.com');
      const client = await app.connect(hal);
      await client.next('recent');
      client.send({ type: 'config_update', patch: { maxPerMinute: 0 } });
      const error = await client.next('error');
      expect(error.path).toBe('patch.maxPerMinute');
      client.send({ type: 'trigger' });
      expect((await client.next('commentary')).item.kind).toBe('on-demand');
    });

    it('comments on a fired alert to its owner', async () => {
      const ida = await app.account('ida@example.com');
      const client = await app.connect(ida);
      await client.next('recent');
      app.fired.emit({ userId: ida.userId, alertId: 'a1', hitId: 'h1', kind: 'price', message: 'SPX above 6,000', severity: 'critical', value: 6001.25, symbol: 'SPX', at: Date.now() });
      expect((await client.next('commentary')).item).toMatchObject({ kind: 'alert-fired', severity: 'critical', text: 'Alert fired: SPX above 6,000. Seen at 6,001.25.', source: 'rules' });
    });

    it('comments on spot breaking the call wall, for the kinds the user wants', async () => {
      const jo = await app.account('jo@example.com');
      await app.call(jo, 'PUT', '/api/commentary/config', { kinds: ['wall-cross'] });
      const client = await app.connect(jo);
      await client.next('recent');
      const topics = app.ctx.truth().doc.topics;
      const gex = { symbol: 'SPX', spot: 6048.1, strikes: [{ strike: 6050, call: 5e9, put: -1e9 }], callWall: 6050, putWall: 5950, flip: 5987.5 };
      await publishEvents(app.market, topics['gex']!, [{ topic: 'gex', type: 'snapshot', ts: Date.now(), data: gex }]);
      await publishEvents(app.market, topics['spot']!, [{ topic: 'spot', type: 'tick', ts: Date.now(), data: { symbol: 'SPX', price: 6048.1 } }]);
      await app.mel.recompute();
      await publishEvents(app.market, topics['spot']!, [{ topic: 'spot', type: 'tick', ts: Date.now(), data: { symbol: 'SPX', price: 6051.25 } }]);
      await app.mel.recompute();
      const line = await client.next('commentary');
      expect(line.item).toMatchObject({ kind: 'wall-cross', severity: 'warning', text: 'SPX broke above the call wall 6,050 (6,048.10 → 6,051.25): dealers stop capping the rally.', source: 'rules', symbol: 'SPX' });
      expect((await app.call<CommentaryListDto>(jo, 'GET', '/api/commentary')).body.items[0]).toEqual(line.item);
    });
    it('drops lines past the user\'s per-minute limit and counts them', async () => {
      const kim = await app.account('kim@example.com');
      await app.call(kim, 'PUT', '/api/commentary/config', { maxPerMinute: 1 });
      const client = await app.connect(kim);
      await client.next('recent');
      const alert = { userId: kim.userId, alertId: 'a1', kind: 'price' as const, severity: 'info' as const, value: null, symbol: 'SPX', at: Date.now() };
      app.fired.emit({ ...alert, hitId: 'h1', message: 'first' });
      app.fired.emit({ ...alert, hitId: 'h2', message: 'second' });
      expect((await client.next('commentary')).item.text).toBe('Alert fired: first.');
      // A trigger is answered whatever the ambient limit: its line arrives after anything the second alert could have sent.
      await app.call(kim, 'POST', '/api/commentary/trigger', {});
      expect((await client.next('commentary', 1)).item.kind).toBe('on-demand');
      expect((await app.call<CommentaryListDto>(kim, 'GET', '/api/commentary')).body.items.map((i) => i.kind)).toEqual(['on-demand', 'alert-fired']);
      expect(await app.ctx.metrics.getSingleMetricAsString('copilot_commentary_dropped_total')).toMatch(/copilot_commentary_dropped_total\{kind="alert-fired"[^}]*\} 1$/m);
    });

    it('warns the owner of an open trade as spot nears its breakeven', async () => {
      const lee = await app.account('lee@example.com');
      await app.call(lee, 'PUT', '/api/commentary/config', { kinds: ['breakeven'] });
      const topics = app.ctx.truth().doc.topics;
      // Long 6000/6010 call vertical for 4.50: breakeven 6,004.50.
      await publishEvents(app.system, topics['positions']!, [{ topic: 'positions', type: 'snapshot', ts: Date.now(), user: lee.userId, data: { positions: [openCallVertical()] } }]);
      // The tick before Lee connects sets the previous spot (19.50 from the breakeven) without speaking to Lee.
      await publishEvents(app.market, topics['spot']!, [{ topic: 'spot', type: 'tick', ts: Date.now(), data: { symbol: 'SPX', price: 5985 } }]);
      await app.mel.recompute();
      const client = await app.connect(lee);
      await client.next('recent');
      await publishEvents(app.market, topics['spot']!, [{ topic: 'spot', type: 'tick', ts: Date.now(), data: { symbol: 'SPX', price: 5995 } }]);
      await app.mel.recompute();
      expect((await client.next('commentary')).item).toMatchObject({ kind: 'breakeven', text: 'Your SPX vertical ×2: SPX 5,995.00 is 9.50 below the breakeven 6,004.50.' });
    });
  });
});

describe('CommentaryModule with a provider', () => {
  let chat: ChatServer;
  let app: CommentaryApp;
  let user: SignedInAccount;

  beforeAll(async () => {
    chat = await startChatServer({ answer: 'ok', content: 'SPX sits between its walls; MEL says the levels hold.' });
    const provider = { ...copilotSettings.schema.parse({}).provider, enabled: true, baseUrl: chat.baseUrl, timeoutMs: 1000, breakerFailures: 5 };
    app = await startCommentaryApp({ melIntervalMs: 60_000, provider }, { llmApiKey: 'sk-int-spec' });
    user = await app.account('pat@example.com');
  });
  afterAll(async () => {
    await app?.stop();
    await chat?.stop();
  });

  it('phrases a trigger with the provider for a user who asked for it, with the truth secret as the key', async () => {
    await app.call(user, 'PUT', '/api/commentary/config', { useProvider: true });
    const trigger = await app.call<CommentaryDto>(user, 'POST', '/api/commentary/trigger', { question: 'Are the walls holding?' });
    expect(trigger.body).toMatchObject({ kind: 'on-demand', source: 'provider', text: 'SPX sits between its walls; MEL says the levels hold.' });
    expect(chat.requests.at(-1)?.headers.authorization).toBe('Bearer sk-int-spec');
    expect(JSON.stringify(chat.requests.at(-1)?.body)).toContain('Are the walls holding?');
  });

  it('falls back to the rule text when the provider fails', async () => {
    chat.mode = { answer: 'status', status: 500 };
    const trigger = await app.call<CommentaryDto>(user, 'POST', '/api/commentary/trigger', {});
    expect(trigger.status).toBe(201);
    expect(trigger.body).toMatchObject({ kind: 'on-demand', source: 'rules' });
    expect(trigger.body.text).toMatch(/^SPX: no live price\./);
  });

  it('does not call the provider for a user who did not ask for it', async () => {
    const other = await app.account('quin@example.com');
    const before = chat.requests.length;
    expect((await app.call<CommentaryDto>(other, 'POST', '/api/commentary/trigger', {})).body.source).toBe('rules');
    expect(chat.requests).toHaveLength(before);
  });
});
