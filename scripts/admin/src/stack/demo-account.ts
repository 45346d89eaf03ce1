import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { SESSION_KEYS, UserRepository } from '@marketswarm/shared/auth';
import type { AdminPaths } from '../paths.js';
import { addUser } from '../users/user-accounts.js';

export const DEMO_EMAIL = 'demo@marketswarm.local';

export interface DemoLogin {
  email: string;
  password: string;
}

/**
 * The local stack's demo trader. Its password is random per machine and kept in the git-ignored
 * run folder, so no credential is ever committed; `./admin up` prints it each time.
 */
export async function ensureDemoAccount(paths: AdminPaths, system: Redis): Promise<DemoLogin> {
  const file = path.join(paths.runDir, 'demo-login.json');
  const saved = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as DemoLogin)
    .catch(() => null);
  const existing = await new UserRepository(system).findByEmail(DEMO_EMAIL);
  if (saved && existing) {
    await system.set(SESSION_KEYS.demoLogin, JSON.stringify(saved));
    return saved;
  }
  if (existing) {
    // The account exists but its password file is gone (a fresh run folder): nothing to print.
    return { email: DEMO_EMAIL, password: '(unknown: run folder was reset; use ./admin user add for a new login)' };
  }
  const login = { email: DEMO_EMAIL, password: randomBytes(12).toString('base64url') };
  await addUser(system, { ...login, role: 'trader' });
  await writeFile(file, `${JSON.stringify(login)}\n`, { mode: 0o600 });
  await system.set(SESSION_KEYS.demoLogin, JSON.stringify(login));
  return login;
}
