import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { describeOnBothDialects } from '../database/testing/describe-on-both-dialects.js';
import { UserSettingsRepository } from './user-settings.repository.js';

describeOnBothDialects(UserSettingsRepository.name, (fixture) => {
  let settings: UserSettingsRepository;
  let alice: string;
  let bob: string;

  beforeEach(() => {
    settings = new UserSettingsRepository(fixture.db(), () => Date.UTC(2026, 11, 1));
    alice = randomUUID();
    bob = randomUUID();
  });

  it('stores a JSON value per key and reads it back as written', async () => {
    await settings.put(alice, 'analytics', { breakevenToleranceMicros: 5_000_000, costBasis: 'fifo' });
    await settings.put(alice, 'theme', 'dark');
    expect(await settings.get(alice, 'analytics')).toEqual({ breakevenToleranceMicros: 5_000_000, costBasis: 'fifo' });
    expect(await settings.all(alice)).toEqual({ analytics: { breakevenToleranceMicros: 5_000_000, costBasis: 'fifo' }, theme: 'dark' });
  });

  it('overwrites a key instead of adding a second row', async () => {
    await settings.put(alice, 'theme', 'dark');
    await settings.put(alice, 'theme', 'light');
    expect(await settings.all(alice)).toEqual({ theme: 'light' });
  });

  it('keeps each user their own values', async () => {
    await settings.put(alice, 'theme', 'dark');
    expect(await settings.get(bob, 'theme')).toBeUndefined();
    expect(await settings.remove(bob, 'theme')).toBe(false);
    expect(await settings.all(bob)).toEqual({});
    expect(await settings.remove(alice, 'theme')).toBe(true);
    expect(await settings.get(alice, 'theme')).toBeUndefined();
  });

  it('refuses a value JSON cannot hold', async () => {
    await expect(settings.put(alice, 'nothing', undefined)).rejects.toThrow(/not JSON/);
  });
});
