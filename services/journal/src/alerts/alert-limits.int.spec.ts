import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInAccount, loadRepoTruth, type SignedInAccount } from '@marketswarm/shared/testing';
import { journalSettings } from '@marketswarm/shared/truth';
import { startJournalApp, type JournalApp } from '../testing/journal-app.js';

type Json = Record<string, unknown>;

const LIMITS = { trader: { alerts: 3, promptAlerts: 2 }, admin: { alerts: 5, promptAlerts: 3 } };

/**
 * The role limits on stored alerts and prompt alerts (journal setting `alertLimits`, live): the one
 * past the limit is 429 naming the limit, every stored alert counts whether enabled or not, each
 * user is counted alone, and an admin has the larger limit. The tiny limits come from a reloaded truth.
 */
describe('alert limits by role', () => {
  let journal: JournalApp;

  const price = (level: number, enabled = true) => ({ kind: 'price', symbol: 'SPX', level, direction: 'above', enabled });
  const createAlert = (who: SignedInAccount, body: Json) => journal.call(who, 'POST', '/api/alerts', body);
  const createPrompt = (who: SignedInAccount) => journal.call(who, 'POST', '/api/prompt-alerts', { text: 'SPX crosses 5000' });
  const fill = async (who: SignedInAccount, count: number, enabled = true): Promise<string[]> => {
    const ids: string[] = [];
    for (let n = 0; n < count; n++) {
      const answer = await createAlert(who, price(5000 + n, enabled));
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      ids.push(answer.body['id'] as string);
    }
    return ids;
  };

  beforeAll(async () => {
    journal = await startJournalApp();
    await loadRepoTruth(journal.system, { patch: (truth) => void Object.assign(truth.components['journal']!.settings, { alertLimits: LIMITS }) });
    const running = journal.ctx.settings.of(journalSettings).settings;
    const deadline = Date.now() + 10_000;
    while (running.alertLimits.trader.alerts !== LIMITS.trader.alerts) {
      if (Date.now() > deadline) throw new Error('the journal did not take the reloaded alert limits');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  afterAll(async () => {
    await journal?.stop();
  });

  it("refuses a trader's alert past the limit with 429 naming kind and the limit, counting disabled alerts too", async () => {
    const trader = await journal.account('trader@example.com');
    await fill(trader, 2);
    await fill(trader, 1, false);
    const refused = await createAlert(trader, price(5100));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      code: 'rate-limited',
      message: 'you have 3 alerts, the most a trader may have (3); delete some first',
      issues: [{ path: 'kind', message: 'a trader may have at most 3 alerts' }],
    });
    expect(((await journal.call(trader, 'GET', '/api/alerts')).body['alerts'] as Json[])).toHaveLength(3);
  });

  it('takes a new alert again once one is deleted', async () => {
    const trader = await journal.account('deleter@example.com');
    const [first] = await fill(trader, 3);
    expect((await createAlert(trader, price(5100))).status).toBe(429);
    expect((await journal.call(trader, 'DELETE', `/api/alerts/${first ?? ''}`)).status).toBe(204);
    expect((await createAlert(trader, price(5100))).status).toBe(201);
  });

  it("counts each user alone: one trader at the limit leaves another's creates alone", async () => {
    const full = await journal.account('full@example.com');
    const other = await journal.account('other@example.com');
    await fill(full, 3);
    expect((await createAlert(full, price(5100))).status).toBe(429);
    expect((await createAlert(other, price(5100))).status).toBe(201);
  });

  it('gives an admin the larger limit', async () => {
    const admin = await createSignedInAccount(journal.system, 'admin@example.com', { role: 'admin' });
    await fill(admin, 5);
    const refused = await createAlert(admin, price(5100));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'rate-limited', message: 'you have 5 alerts, the most an admin may have (5); delete some first', issues: [{ path: 'kind' }] });
  });

  it('limits prompt alerts on their own count, naming text', async () => {
    const trader = await journal.account('prompter@example.com');
    await fill(trader, 3);
    for (let n = 0; n < 2; n++) expect((await createPrompt(trader)).status).toBe(201);
    const refused = await createPrompt(trader);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      code: 'rate-limited',
      message: 'you have 2 prompt alerts, the most a trader may have (2); delete some first',
      issues: [{ path: 'text', message: 'a trader may have at most 2 prompt alerts' }],
    });
    const admin = await createSignedInAccount(journal.system, 'prompt-admin@example.com', { role: 'admin' });
    for (let n = 0; n < 3; n++) expect((await createPrompt(admin)).status).toBe(201);
    expect((await createPrompt(admin)).status).toBe(429);
  });
});
