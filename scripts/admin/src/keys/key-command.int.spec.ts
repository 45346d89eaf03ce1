import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyRepository, apiKeySecretMatches, parseApiKey, UserRepository } from '@marketswarm/shared/auth';
import { loadRepoTruth, startRedisTrio, type RedisTrio } from '@marketswarm/shared/testing';
import { registerKey } from '../commands/key.command.js';

/** Runs `./admin key …` in this process against the test's Redis, with stdout captured. */
async function admin(redis: RedisTrio, args: string[]) {
  let stdout = '';
  const program = new Command('admin').exitOverride();
  registerKey(program, { env: { ...redis.env }, stdout: (text) => void (stdout += text) });
  await program.parseAsync(args, { from: 'user' });
  return stdout;
}

describe('admin key command (in-process)', () => {
  let redis: RedisTrio;
  let keys: ApiKeyRepository;

  beforeAll(async () => {
    redis = await startRedisTrio();
    await loadRepoTruth(redis.system.client());
    keys = new ApiKeyRepository(redis.system.client());
  });

  afterAll(async () => {
    await redis?.stop();
  });

  it('key add prints the key once, and stores only its hash with the name and topics', async () => {
    const token = (await admin(redis, ['key', 'add', 'desk-feed', '--topics', 'vexy,intel'])).trim();
    const parsed = parseApiKey(token);
    expect(parsed, token).not.toBeNull();
    const stored = await keys.findById(parsed!.id);
    expect(stored).toMatchObject({ name: 'desk-feed', topics: ['vexy', 'intel'] });
    expect(apiKeySecretMatches(parsed!.secret, stored!.secretHash)).toBe(true);
  });

  it('key list shows id, name, topics and dates as a table or JSON, and never a secret or its hash', async () => {
    const token = (await admin(redis, ['key', 'add', 'listed', '--topics', 'vexy'])).trim();
    const { id, secret } = parseApiKey(token)!;
    const stored = await keys.findById(id);
    const table = await admin(redis, ['key', 'list']);
    expect(table.split('\n')[0]).toMatch(/^id\s+name\s+topics\s+user\s+created\s+last used\s+revoked$/);
    expect(table).toMatch(new RegExp(`${id}\\s+listed\\s+vexy\\s+-\\s+\\d{4}-\\S+\\s+never\\s+-`));
    const json = await admin(redis, ['key', 'list', '--json']);
    expect((JSON.parse(json) as { id: string; name: string }[]).find((k) => k.id === id)).toMatchObject({ name: 'listed', topics: ['vexy'] });
    for (const out of [table, json]) {
      expect(out).not.toContain(secret);
      expect(out).not.toContain(stored!.secretHash);
      expect(out).not.toContain('ms_live_');
    }
  });

  it('refuses an unknown topic and lists the valid ones', async () => {
    await expect(admin(redis, ['key', 'add', 'bad', '--topics', 'vexy,weather'])).rejects.toThrow(/unknown topic "weather" \(topics: .*vexy.*\)/);
  });

  it('needs --user of an existing account for a per-user topic', async () => {
    await expect(admin(redis, ['key', 'add', 'broker', '--topics', 'trades'])).rejects.toThrow('trades is per user: pass --user <id>');
    await expect(admin(redis, ['key', 'add', 'broker', '--topics', 'trades', '--user', 'u_nobody'])).rejects.toThrow('--user u_nobody: no such user');
    const user = await new UserRepository(redis.system.client()).create({ email: 'broker@example.com', passwordHash: 'x', role: 'trader' });
    const token = (await admin(redis, ['key', 'add', 'broker', '--topics', 'trades', '--user', user.id])).trim();
    expect((await keys.findById(parseApiKey(token)!.id))?.user).toBe(user.id);
  });

  it('key revoke by name marks the key revoked and frees its name; revoking it again says so', async () => {
    const token = (await admin(redis, ['key', 'add', 'short-lived', '--topics', 'vexy'])).trim();
    const { id } = parseApiKey(token)!;
    await admin(redis, ['key', 'revoke', 'short-lived']);
    expect((await keys.findById(id))?.revokedAt).toMatch(/^\d{4}-/);
    await admin(redis, ['key', 'revoke', id]);
    await expect(admin(redis, ['key', 'revoke', 'short-lived'])).rejects.toThrow('no key with id or active name "short-lived"');
    await admin(redis, ['key', 'add', 'short-lived', '--topics', 'vexy']);
  });
});
