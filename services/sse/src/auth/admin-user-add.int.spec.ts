import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin, startRedisTrio, type RedisTrio } from '@marketswarm/shared/testing';
import { CookieJar, send, startAuthTestApp, type AuthTestApp } from './testing/auth-test-app.js';

// Runs the real ./admin executable: needs `registerUser(program)` in scripts/admin/src/main.ts and a build.
describe('./admin user add → sign in through the gateway', () => {
  let redis: RedisTrio;
  let env: Record<string, string>;
  let work: string;
  let app: AuthTestApp;

  beforeAll(async () => {
    redis = await startRedisTrio();
    work = await mkdtemp(path.join(tmpdir(), 'ms-user-add-'));
    env = { ...redis.env, MS_RUN_DIR: work };
    const loaded = await runAdmin(['load-truth'], env);
    expect(loaded.code, loaded.stderr).toBe(0);
    app = await startAuthTestApp(redis.system.client());
  });

  afterAll(async () => {
    await app?.close();
    await redis?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('creates an admin from a password on stdin, prints its id, and that admin can sign in', async () => {
    const run = await runAdmin(['user', 'add', 'a@b.co', '--role', 'admin', '--password-stdin'], env, { input: 'longpassword1\n' });
    expect(run.code, run.stderr).toBe(0);
    const id = run.stdout.trim();
    expect(id).toMatch(/^u_[A-Za-z0-9_-]{16}$/);

    const jar = new CookieJar();
    const login = await send(`${app.url}/api/auth/login`, 'POST', { jar, body: { email: 'a@b.co', password: 'longpassword1' } });
    expect(login.res.status).toBe(200);
    expect(login.body).toMatchObject({ user: { id, email: 'a@b.co', role: 'admin' } });
    expect((await send(`${app.url}/api/auth/me`, 'GET', { jar })).body).toMatchObject({ user: { id, role: 'admin' } });
  });

  it('refuses the same email again with exit 1 and "user <email> already exists"', async () => {
    const run = await runAdmin(['user', 'add', 'A@B.co', '--password-stdin'], env, { input: 'anotherpassword\n' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('user a@b.co already exists');
    expect(run.stdout).toBe('');
  });

  it('refuses a short password naming the field, and a missing --password-stdin', async () => {
    const short = await runAdmin(['user', 'add', 'c@d.co', '--password-stdin'], env, { input: 'short\n' });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password: must be at least 8 characters');
    const flagless = await runAdmin(['user', 'add', 'c@d.co'], env, { input: 'longpassword1\n' });
    expect(flagless.code).toBe(1);
    expect(flagless.stderr).toContain('--password-stdin');
  });

  it('user list shows the account with its role', async () => {
    const run = await runAdmin(['user', 'list'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^id\s+email\s+role\s+created\n/);
    expect(run.stdout).toMatch(/u_\S+\s+a@b\.co\s+admin\s+\d{4}-/);
  });
});
