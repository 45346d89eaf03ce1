import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword, UserRepository } from '@marketswarm/shared/auth';
import { startRedisTrio, type RedisTrio } from '@marketswarm/shared/testing';
import { registerUser } from '../commands/user.command.js';

/** Runs `./admin user …` in this process against the test's Redis, with stdin and stdout captured. */
async function admin(redis: RedisTrio, args: string[], stdin = '') {
  let stdout = '';
  const program = new Command('admin').exitOverride();
  registerUser(program, { env: { ...redis.env }, readStdin: () => Promise.resolve(stdin.replace(/\n$/, '')), stdout: (text) => void (stdout += text) });
  await program.parseAsync(args, { from: 'user' });
  return stdout;
}

describe('admin user command (in-process)', () => {
  let redis: RedisTrio;
  let users: UserRepository;

  beforeAll(async () => {
    redis = await startRedisTrio();
    users = new UserRepository(redis.system.client());
  });

  afterAll(async () => {
    await redis?.stop();
  });

  it('user add creates the account with the role and a verifiable argon2id hash, and prints the id', async () => {
    const out = await admin(redis, ['user', 'add', 'Boss@Example.com', '--role', 'admin', '--password-stdin'], 'longpassword1\n');
    const id = out.trim();
    expect(id).toMatch(/^u_[A-Za-z0-9_-]{16}$/);
    const user = await users.findById(id);
    expect(user).toMatchObject({ email: 'boss@example.com', role: 'admin' });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user!.passwordHash, 'longpassword1')).toBe(true);
  });

  it('makes a trader unless told otherwise', async () => {
    const id = (await admin(redis, ['user', 'add', 'plain@example.com', '--password-stdin'], 'longpassword1')).trim();
    expect((await users.findById(id))?.role).toBe('trader');
  });

  it('refuses a duplicate email with "user <email> already exists"', async () => {
    await admin(redis, ['user', 'add', 'twice@example.com', '--password-stdin'], 'longpassword1');
    await expect(admin(redis, ['user', 'add', 'TWICE@example.com', '--password-stdin'], 'longpassword1')).rejects.toThrow('user twice@example.com already exists');
  });

  it('validates with the register schema and names the field', async () => {
    await expect(admin(redis, ['user', 'add', 'short@example.com', '--password-stdin'], 'short')).rejects.toThrow('password: must be at least 8 characters');
    await expect(admin(redis, ['user', 'add', 'not-an-email', '--password-stdin'], 'longpassword1')).rejects.toThrow('email: must be a valid email address');
    await expect(admin(redis, ['user', 'add', 'role@example.com', '--role', 'root', '--password-stdin'], 'longpassword1')).rejects.toThrow(
      '--role root: must be trader or admin',
    );
    expect(await users.findByEmail('short@example.com')).toBeNull();
  });

  it('refuses to run without --password-stdin', async () => {
    await expect(admin(redis, ['user', 'add', 'nostdin@example.com'])).rejects.toThrow('pass the password on stdin with --password-stdin');
  });

  it('user list prints id, email, role and created for every account', async () => {
    const out = await admin(redis, ['user', 'list']);
    const [header, ...rows] = out.trim().split('\n');
    expect(header).toMatch(/^id\s+email\s+role\s+created$/);
    const boss = rows.find((r) => r.includes('boss@example.com'));
    expect(boss).toMatch(/^u_\S+\s+boss@example\.com\s+admin\s+\d{4}-\d\d-\d\dT/);
    expect(rows).toHaveLength((await users.list()).length);
  });
});
