import { QueryClient } from '@tanstack/react-query';
import type { Preferences, UserDto } from '@marketswarm/shared/dto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MEL_DTE_PREFERENCE, saveMelDte } from '../copilot/mel-preference';
import { PreferencesQueue, preferencesQueue } from './preferences-queue';
import { SESSION_KEY, setSessionUser } from './session';

const trader = (preferences: Preferences): UserDto => ({
  id: 'u1',
  email: 'trader@example.com',
  role: 'trader',
  displayName: 'Trader',
  timezone: 'America/New_York',
  preferences,
  createdAt: '2026-01-05T14:30:00.000Z',
});

const LAYOUT = { columns: ['heatmap', 'gex'] };

/** Lets every settled promise run its callbacks. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The profile route: a PATCH replaces the whole preferences object; each answers only when told. */
function fakeProfile(initial: Preferences) {
  let stored = initial;
  const sent: Preferences[] = [];
  const waiting: { answer: () => void; fail: () => void }[] = [];
  const patch = (preferences: Preferences): Promise<UserDto> => {
    sent.push(preferences);
    return new Promise((resolve, reject) =>
      waiting.push({
        answer: () => {
          stored = preferences;
          resolve(trader(preferences));
        },
        fail: () => reject(new Error('503: journal unavailable')),
      }),
    );
  };
  return {
    patch,
    sent,
    stored: () => stored,
    answerNext: async (): Promise<void> => {
      waiting.shift()?.answer();
      await settle();
    },
    failNext: async (): Promise<void> => {
      waiting.shift()?.fail();
      await settle();
    },
  };
}

function signedIn(preferences: Preferences): QueryClient {
  const client = new QueryClient();
  setSessionUser(client, trader(preferences));
  return client;
}

const cached = (client: QueryClient): Preferences | undefined => client.getQueryData<UserDto | null>(SESSION_KEY)?.preferences;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe(PreferencesQueue.name, () => {
  it('keeps the MEL DTE and the workspace layout when the header and the workspace save at the same time', async () => {
    const profile = fakeProfile({ symbol: 'SPX' });
    // The page's real callers, through the real profile client: the header's DTE and the workspace's layout flush.
    vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string) as { preferences: Preferences };
      const user = await profile.patch(body.preferences);
      return new Response(JSON.stringify({ user }), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const client = signedIn({ symbol: 'SPX' });

    const dte = saveMelDte(client, 7);
    const layout = preferencesQueue(client).save({ layout: LAYOUT });
    await settle();
    expect(profile.sent).toEqual([{ symbol: 'SPX', [MEL_DTE_PREFERENCE]: 7 }]);

    await profile.answerNext();
    expect(profile.sent[1]).toEqual({ symbol: 'SPX', [MEL_DTE_PREFERENCE]: 7, layout: LAYOUT });
    await profile.answerNext();
    await Promise.all([dte, layout]);

    expect(profile.stored()).toEqual({ symbol: 'SPX', [MEL_DTE_PREFERENCE]: 7, layout: LAYOUT });
    expect(cached(client)).toEqual(profile.stored());
  });

  it('sends one PATCH at a time, each laid over what the one before it saved', async () => {
    const profile = fakeProfile({ symbol: 'SPX', [MEL_DTE_PREFERENCE]: 0 });
    const client = signedIn(profile.stored());
    const queue = new PreferencesQueue(client, profile.patch);

    const saves = [queue.save({ layout: LAYOUT }), queue.save({ [MEL_DTE_PREFERENCE]: 5 }), queue.save({ symbol: 'NDX' })];
    await settle();
    expect(profile.sent).toHaveLength(1);
    await profile.answerNext();
    expect(profile.sent).toHaveLength(2);
    await profile.answerNext();
    await profile.answerNext();
    await Promise.all(saves);

    expect(profile.sent).toEqual([
      { symbol: 'SPX', [MEL_DTE_PREFERENCE]: 0, layout: LAYOUT },
      { symbol: 'SPX', [MEL_DTE_PREFERENCE]: 5, layout: LAYOUT },
      { symbol: 'NDX', [MEL_DTE_PREFERENCE]: 5, layout: LAYOUT },
    ]);
    expect(cached(client)).toEqual({ symbol: 'NDX', [MEL_DTE_PREFERENCE]: 5, layout: LAYOUT });
  });

  it('reports a failed save to its caller and still sends the saves behind it', async () => {
    const profile = fakeProfile({ symbol: 'SPX' });
    const client = signedIn(profile.stored());
    const queue = new PreferencesQueue(client, profile.patch);

    const failed = queue.save({ layout: LAYOUT });
    const next = queue.save({ [MEL_DTE_PREFERENCE]: 2 });
    const failure = expect(failed).rejects.toThrow('503: journal unavailable');
    await settle();
    await profile.failNext();
    await failure;
    await profile.answerNext();
    await next;

    expect(profile.sent[1]).toEqual({ symbol: 'SPX', [MEL_DTE_PREFERENCE]: 2 });
    expect(cached(client)).toEqual({ symbol: 'SPX', [MEL_DTE_PREFERENCE]: 2 });
  });

  it('drops a waiting save once the trader signed out, and a late answer does not sign them in again', async () => {
    const profile = fakeProfile({ symbol: 'SPX' });
    const client = signedIn(profile.stored());
    const queue = new PreferencesQueue(client, profile.patch);

    const inFlight = queue.save({ layout: LAYOUT });
    const waiting = queue.save({ [MEL_DTE_PREFERENCE]: 7 });
    await settle();
    setSessionUser(client, null);
    await profile.answerNext();
    await Promise.all([inFlight, waiting]);

    expect(profile.sent).toHaveLength(1);
    expect(client.getQueryData(SESSION_KEY)).toBeNull();
  });

  it('is one queue per page', () => {
    const client = new QueryClient();
    expect(preferencesQueue(client)).toBe(preferencesQueue(client));
    expect(preferencesQueue(new QueryClient())).not.toBe(preferencesQueue(client));
  });
});
