import { describe, expect, it } from 'vitest';
import { API_KEY_PREFIX, apiKeySecretMatches, formatApiKey, generateApiKey, hashApiKeySecret, parseApiKey } from './api-key-token.js';

describe('API key tokens', () => {
  it('generates ms_live_<16 hex id>_<43 base64url secret> (32 random bytes)', () => {
    const key = generateApiKey();
    expect(key.token).toMatch(/^ms_live_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(key.secret, 'base64url')).toHaveLength(32);
    expect(generateApiKey().token).not.toBe(key.token);
  });

  it('parses back the id and a secret that itself contains underscores', () => {
    const key = { id: '0123456789abcdef', secret: `a_b_${'x'.repeat(39)}` };
    expect(parseApiKey(formatApiKey(key))).toEqual(key);
    const fresh = generateApiKey();
    expect(parseApiKey(fresh.token)).toEqual({ id: fresh.id, secret: fresh.secret });
  });

  it('refuses text that is not one of our keys', () => {
    const secret = 'x'.repeat(43);
    for (const token of ['', 'Bearer', `${API_KEY_PREFIX}`, `ms_test_0123456789abcdef_${secret}`, `${API_KEY_PREFIX}0123456789ABCDEF_${secret}`, `${API_KEY_PREFIX}0123456789abcdef_short`, `${API_KEY_PREFIX}0123456789abcdef${secret}`, `${API_KEY_PREFIX}0123456789abcdef_${secret}!`]) {
      expect(parseApiKey(token), token).toBeNull();
    }
  });

  it('stores a SHA-256 hex digest and matches only the same secret', () => {
    const { secret } = generateApiKey();
    const stored = hashApiKeySecret(secret);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(secret);
    expect(apiKeySecretMatches(secret, stored)).toBe(true);
    expect(apiKeySecretMatches(generateApiKey().secret, stored)).toBe(false);
    expect(apiKeySecretMatches(secret, 'not-a-hash')).toBe(false);
  });
});
