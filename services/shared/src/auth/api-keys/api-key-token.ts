import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key as its holder sees it: `ms_live_<id>_<secret>`. The id (16 hex digits, never an
 * underscore) finds the stored record without touching the secret; the secret is 32 random bytes in
 * base64url, which may itself contain `_`, so the first `_` after the id is the only separator.
 */
export const API_KEY_PREFIX = 'ms_live_';
const ID_PATTERN = /^[0-9a-f]{16}$/;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const SECRET_BYTES = 32;

export interface ApiKeyToken {
  id: string;
  secret: string;
}

export function isApiKeyId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** A fresh id and secret; the token text is shown to the operator once and never stored. */
export function generateApiKey(): ApiKeyToken & { token: string } {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { id, secret, token: formatApiKey({ id, secret }) };
}

export function formatApiKey(key: ApiKeyToken): string {
  return `${API_KEY_PREFIX}${key.id}_${key.secret}`;
}

/** The id and secret of a presented token, or null when it is not shaped like one of ours. */
export function parseApiKey(token: string): ApiKeyToken | null {
  if (!token.startsWith(API_KEY_PREFIX)) return null;
  const rest = token.slice(API_KEY_PREFIX.length);
  const cut = rest.indexOf('_');
  if (cut < 0) return null;
  const id = rest.slice(0, cut);
  const secret = rest.slice(cut + 1);
  return ID_PATTERN.test(id) && SECRET_PATTERN.test(secret) ? { id, secret } : null;
}

/**
 * SHA-256 of the secret, hex. Not argon2 as for passwords: argon2 exists to slow the guessing of
 * low-entropy secrets people choose, and it costs tens of milliseconds of CPU by design. These
 * secrets are 256 random bits, which no amount of hashing speed makes guessable, and every ingest
 * request verifies one, so a slow hash would only cap the gateway's ingest rate (and invite a CPU
 * exhaustion attack with wrong keys).
 */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether a presented secret matches the stored hash, compared in constant time. */
export function apiKeySecretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKeySecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
