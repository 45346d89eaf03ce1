import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import { AlertSyncReader } from '../alerts/alert-sync.testing.js';
import { startJournalApp, type JournalApp } from '../testing/journal-app.js';

/**
 * `/api/prompt-alerts` in the real journal: sentences read by the grammar into stored rules, a 422
 * naming where a sentence could not be read, the dry run storing nothing, another user's prompt
 * alert answered 404, and the sync stream entry of each change.
 */

type Json = Record<string, unknown>;

const SENTENCE = 'alert me if SPX closes above the call wall with VIX under 15';
const RULE = {
  conditions: [
    { symbol: 'SPX', metric: 'close', comparator: 'above', target: { kind: 'level', level: 'call-wall' }, warnWithinPercent: 0.25 },
    { symbol: 'VIX', metric: 'price', comparator: 'below', target: { kind: 'number', value: 15 }, warnWithinPercent: 0.25 },
  ],
};

describe('/api/prompt-alerts', () => {
  let journal: JournalApp;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  let sync: AlertSyncReader;

  const call = (who: SignedInAccount, method: string, route: string, body?: unknown) => journal.call<Json>(who, method, route, body);
  const expectNotFound = (answer: { status: number; body: Json }) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(404);
    expect(answer.body).toMatchObject({ code: 'not-found', issues: [{ path: 'id' }] });
  };
  const create = async (who: SignedInAccount, text: string): Promise<Json> => {
    const answer = await call(who, 'POST', '/api/prompt-alerts', { text });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };

  beforeAll(async () => {
    journal = await startJournalApp();
    alice = await journal.account('alice@example.com');
    bob = await journal.account('bob@example.com');
    sync = new AlertSyncReader(journal.system);
  });

  afterAll(async () => {
    await journal?.stop();
  });

  beforeEach(async () => {
    await sync.skipToEnd();
  });

  it('stores a sentence with the rule read from it, watching and enabled, and announces it', async () => {
    const prompt = await create(alice, `  ${SENTENCE}  `);
    expect(prompt).toEqual({
      id: expect.any(String) as string,
      text: SENTENCE,
      rule: RULE,
      stage: 'watching',
      stageChangedAt: null,
      enabled: true,
      createdAt: expect.any(Number) as number,
      updatedAt: expect.any(Number) as number,
    });
    expect(await sync.next()).toEqual([{ user: alice.userId, entity: 'prompt-alert', id: prompt['id'], change: 'created' }]);
  });

  it('answers 422 naming the word, where it starts and what was expected, storing nothing', async () => {
    const answer = await call(alice, 'POST', '/api/prompt-alerts', { text: 'alert me when frobnicate crosses 5000' });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'unprocessable', issues: [{ path: 'text', message: 'could not understand "frobnicate" at 14: expected a symbol (SPX, NDX, SPY, QQQ, RUT, VIX) or "my P&L"' }] });
    expect(await sync.next()).toEqual([]);
  });

  it('refuses a body without a sentence naming text', async () => {
    for (const body of [{}, { text: '   ' }, { text: 5000 }, { text: 'x'.repeat(301) }]) {
      const answer = await call(alice, 'POST', '/api/prompt-alerts', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body).toMatchObject({ code: 'validation', issues: [{ path: 'text' }] });
    }
  });

  it('parses as a dry run: the rule, or a 422, and nothing stored or announced', async () => {
    const before = (await call(alice, 'GET', '/api/prompt-alerts')).body;
    expect((await call(alice, 'POST', '/api/prompt-alerts/parse', { text: 'SPX crosses 5000' })).body).toEqual({
      text: 'SPX crosses 5000',
      rule: { conditions: [{ symbol: 'SPX', metric: 'price', comparator: 'crosses', target: { kind: 'number', value: 5000 }, warnWithinPercent: 0.25 }] },
    });
    const refused = await call(alice, 'POST', '/api/prompt-alerts/parse', { text: 'SPX crosses 5000 or VIX under 15' });
    expect(refused.status).toBe(422);
    expect(refused.body['issues']).toEqual([{ path: 'text', message: 'could not understand "or" at 17: expected "and", "with" or the end of the sentence' }]);
    expect((await call(alice, 'POST', '/api/prompt-alerts/parse', {})).status).toBe(400);
    expect((await call(alice, 'GET', '/api/prompt-alerts')).body).toEqual(before);
    expect(await sync.next()).toEqual([]);
  });

  it("lists and reads only the user's own prompt alerts", async () => {
    const carol = await journal.account('carol@example.com');
    const first = await create(carol, 'SPX crosses 5000');
    const second = await create(carol, 'if my position P&L reaches 500');
    expect(((await call(carol, 'GET', '/api/prompt-alerts')).body['promptAlerts'] as Json[]).map((p) => p['id'])).toEqual([first['id'], second['id']]);
    expect((await call(carol, 'GET', `/api/prompt-alerts/${second['id'] as string}`)).body).toEqual(second);
    expectNotFound(await call(bob, 'GET', `/api/prompt-alerts/${second['id'] as string}`));
    expect(((await call(bob, 'GET', '/api/prompt-alerts')).body['promptAlerts'] as Json[]).map((p) => p['id'])).not.toContain(first['id']);
    const malformed = await call(carol, 'GET', '/api/prompt-alerts/nope');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ issues: [{ path: 'id', message: 'must be an id (UUID)' }] });
  });

  it("deletes a prompt alert and announces it; another user's is 404 and stays", async () => {
    const prompt = await create(alice, 'when SPY trades above the zero gamma');
    await sync.skipToEnd();
    const route = `/api/prompt-alerts/${prompt['id'] as string}`;
    expectNotFound(await call(bob, 'DELETE', route));
    expect((await call(alice, 'GET', route)).status).toBe(200);
    expect((await call(alice, 'DELETE', route)).status).toBe(204);
    expect(await sync.next()).toEqual([{ user: alice.userId, entity: 'prompt-alert', id: prompt['id'], change: 'deleted' }]);
    expectNotFound(await call(alice, 'GET', route));
    expect((await call(alice, 'DELETE', '/api/prompt-alerts/nope')).status).toBe(400);
  });
});
