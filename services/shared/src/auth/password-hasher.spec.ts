import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password-hasher.js';

describe('password hasher', () => {
  it('hashes with argon2id at the OWASP parameters (19 MiB, 2 passes, 1 lane) and a random salt', async () => {
    const hash = await hashPassword('longpassword1');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await hashPassword('longpassword1')).not.toBe(hash);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('longpassword1');
    expect(await verifyPassword(hash, 'longpassword1')).toBe(true);
    expect(await verifyPassword(hash, 'longpassword2')).toBe(false);
  });

  it('answers false, not an exception, for a hash that is not argon2', async () => {
    expect(await verifyPassword('not-a-hash', 'longpassword1')).toBe(false);
  });

  it('spends real argon2 work on the dummy check and always answers false', async () => {
    await verifyAgainstDummy('warm up');
    const started = performance.now();
    expect(await verifyAgainstDummy('dummy password that matches no account')).toBe(false);
    expect(performance.now() - started).toBeGreaterThan(5);
  });
});
