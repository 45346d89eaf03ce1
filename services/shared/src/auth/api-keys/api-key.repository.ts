import type { Redis } from 'ioredis';
import { z } from 'zod';
import { claimUnique, delIfEquals, hsetIfExists } from '../guarded-writes.js';
import type { ApiKeyScope } from './api-key-scope.js';
import { generateApiKey, hashApiKeySecret } from './api-key-token.js';

/**
 * System Redis keys of API keys. Each key is one hash (its rate bucket shares the hash tag, so both
 * sit in one slot on Redis Cluster); the name index and the id set are separate keys written one
 * command at a time, never in one MULTI across slots.
 */
export const API_KEY_KEYS = {
  key: (id: string) => `apikey:{${id}}`,
  rate: (id: string) => `apikey:{${id}}:rate`,
  /** Active key name → id, claimed with SET NX so two keys never share a name; freed on revoke. */
  name: (name: string) => `apikey:name:${name}`,
  /** Every key id ever made (revoked ones too), so `key list` needs no SCAN. */
  index: 'apikeys',
} as const;

/** A key as anyone but the gateway may see it: never the secret or its hash. */
export interface ApiKeyView extends ApiKeyScope {
  id: string;
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

export interface StoredApiKey extends ApiKeyView {
  secretHash: string;
}

export class DuplicateApiKeyNameError extends Error {
  constructor(readonly keyName: string) {
    super(`an active key named "${keyName}" already exists (revoke it first, or pick another name)`);
    this.name = 'DuplicateApiKeyNameError';
  }
}

const storedSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  topics: z.string().transform((list) => list.split(',').filter(Boolean)),
  user: z.string().min(1).optional(),
  secretHash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  lastUsedAt: z.string().optional(),
  revokedAt: z.string().optional(),
});

function fromHash(fields: Record<string, string>): StoredApiKey | null {
  if (Object.keys(fields).length === 0) return null;
  const parsed = storedSchema.safeParse(fields);
  if (!parsed.success) throw new Error(`stored API key ${fields['id'] ?? '?'} is corrupt: ${parsed.error.message}`);
  const { user, lastUsedAt, revokedAt, ...rest } = parsed.data;
  return { ...rest, ...(user ? { user } : {}), ...(lastUsedAt ? { lastUsedAt } : {}), ...(revokedAt ? { revokedAt } : {}) };
}

export function toApiKeyView(key: StoredApiKey): ApiKeyView {
  const { secretHash: _hash, ...view } = key;
  return view;
}

/** Marks revoked once: the first revocation time is the one that counts. */
const REVOKE = `if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end if redis.call('HSETNX', KEYS[1], 'revokedAt', ARGV[1]) == 1 then return 1 end return 2`;

/** API keys for outside producers in system Redis; the secret is hashed before it is stored. */
export class ApiKeyRepository {
  constructor(
    private readonly redis: Redis,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates a key and returns it with its token, which exists nowhere else from here on. */
  async create(scope: ApiKeyScope): Promise<{ key: ApiKeyView; token: string }> {
    const { id, secret, token } = generateApiKey();
    const key: StoredApiKey = {
      id,
      name: scope.name,
      topics: [...scope.topics],
      ...(scope.user ? { user: scope.user } : {}),
      secretHash: hashApiKeySecret(secret),
      createdAt: new Date(this.now()).toISOString(),
    };
    const claimed = await claimUnique(
      this.redis,
      API_KEY_KEYS.name(key.name),
      id,
      async () => {
        await this.redis.hset(API_KEY_KEYS.key(id), { ...key, topics: key.topics.join(',') });
        await this.redis.sadd(API_KEY_KEYS.index, id);
      },
      () => this.redis.del(API_KEY_KEYS.key(id)),
    );
    if (!claimed) throw new DuplicateApiKeyNameError(key.name);
    return { key: toApiKeyView(key), token };
  }

  async findById(id: string): Promise<StoredApiKey | null> {
    return fromHash(await this.redis.hgetall(API_KEY_KEYS.key(id)));
  }

  /** The active key of that name (revoked keys give their name back). */
  async findActiveByName(name: string): Promise<StoredApiKey | null> {
    const id = await this.redis.get(API_KEY_KEYS.name(name));
    return id ? this.findById(id) : null;
  }

  /** Every key, revoked ones too, oldest first. */
  async list(): Promise<ApiKeyView[]> {
    const ids = await this.redis.smembers(API_KEY_KEYS.index);
    const keys: ApiKeyView[] = [];
    // One HGETALL per key: each hash may live on a different node of a cluster.
    for (const id of ids) {
      const key = await this.findById(id);
      if (key) keys.push(toApiKeyView(key));
    }
    return keys.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name));
  }

  /** Revokes at once for every gateway (each reads the record per request); null when there is no such key. */
  async revoke(id: string): Promise<{ key: ApiKeyView; alreadyRevoked: boolean } | null> {
    const result = await this.redis.eval(REVOKE, 1, API_KEY_KEYS.key(id), new Date(this.now()).toISOString());
    if (result === 0) return null;
    const key = await this.findById(id);
    if (!key) return null;
    await delIfEquals(this.redis, API_KEY_KEYS.name(key.name), id);
    return { key: toApiKeyView(key), alreadyRevoked: result === 2 };
  }

  async touch(id: string): Promise<void> {
    // Only while the key exists, so touching a deleted key cannot leave a partial record.
    await hsetIfExists(this.redis, API_KEY_KEYS.key(id), 'lastUsedAt', new Date(this.now()).toISOString());
  }
}
