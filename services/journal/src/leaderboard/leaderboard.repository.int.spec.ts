import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { describeOnBothDialects } from '../database/testing/describe-on-both-dialects.js';
import { LeaderboardRepository } from './leaderboard.repository.js';

describeOnBothDialects(LeaderboardRepository.name, (fixture) => {
  let profiles: LeaderboardRepository;
  let alice: string;
  let bob: string;
  let name: string;

  beforeEach(() => {
    profiles = new LeaderboardRepository(fixture.db(), () => Date.UTC(2026, 11, 1));
    alice = randomUUID();
    bob = randomUUID();
    name = `Trader ${randomUUID().slice(0, 8)}`;
  });

  it('creates a profile, then replaces it in place', async () => {
    expect(await profiles.get(alice)).toBeUndefined();
    expect(await profiles.put(alice, { displayName: name, optIn: true })).toEqual({ userId: alice, displayName: name, optIn: true });
    expect(await profiles.put(alice, { displayName: `${name}x`, optIn: false })).toEqual({ userId: alice, displayName: `${name}x`, optIn: false });
    expect(await profiles.get(alice)).toEqual({ userId: alice, displayName: `${name}x`, optIn: false });
  });

  it('refuses a name another trader holds in any letter case, and lists only those opted in', async () => {
    await profiles.put(alice, { displayName: name, optIn: true });
    expect(await profiles.put(bob, { displayName: name.toUpperCase(), optIn: true })).toBe('duplicate');
    await profiles.put(bob, { displayName: `${name} b`, optIn: false });
    const listed = (await profiles.optedIn()).map((p) => p.userId);
    expect(listed).toContain(alice);
    expect(listed).not.toContain(bob);
  });
});
