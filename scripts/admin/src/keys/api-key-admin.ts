import type { Redis } from 'ioredis';
import { ApiKeyRepository, DuplicateApiKeyNameError, isApiKeyId, scopeProblems, splitTopics, UserRepository, type ApiKeyView } from '@marketswarm/shared/auth';
import { readTruth } from '@marketswarm/shared/truth';
import { CliError } from '../ui/output.js';

export interface AddKeyInput {
  name: string;
  topics: string;
  user?: string;
}

/**
 * Creates a key after checking its topics against the loaded truth (the topics the gateways serve)
 * and its user against the accounts; returns the key and its token, which is shown once.
 */
export async function addApiKey(redis: Redis, input: AddKeyInput): Promise<{ key: ApiKeyView; token: string }> {
  const truth = await readTruth(redis);
  if (!truth) throw new CliError('no truth is loaded in system Redis: run ./admin load-truth');
  const scope = { name: input.name, topics: splitTopics(input.topics), ...(input.user !== undefined ? { user: input.user } : {}) };
  const problems = scopeProblems(scope, Object.keys(truth.doc.topics));
  if (problems.length > 0) throw new CliError(problems.join('\n'));
  if (scope.user !== undefined && !(await new UserRepository(redis).findById(scope.user))) {
    throw new CliError(`--user ${scope.user}: no such user (ids are in ./admin user list)`);
  }
  try {
    return await new ApiKeyRepository(redis).create(scope);
  } catch (error) {
    if (error instanceof DuplicateApiKeyNameError) throw new CliError(error.message);
    throw error;
  }
}

export function listApiKeys(redis: Redis): Promise<ApiKeyView[]> {
  return new ApiKeyRepository(redis).list();
}

/** Revokes by id, or by the name of an active key. */
export async function revokeApiKey(redis: Redis, idOrName: string): Promise<{ key: ApiKeyView; alreadyRevoked: boolean }> {
  const keys = new ApiKeyRepository(redis);
  const id = isApiKeyId(idOrName) && (await keys.findById(idOrName)) ? idOrName : (await keys.findActiveByName(idOrName))?.id;
  const revoked = id ? await keys.revoke(id) : null;
  if (!revoked) throw new CliError(`no key with id or active name "${idOrName}" (see ./admin key list)`);
  return revoked;
}

/** The rows of `key list`: never the secret, which is not stored, nor its hash. */
export function keyRows(keys: readonly ApiKeyView[]): string[][] {
  return keys.map((k) => [k.id, k.name, k.topics.join(','), k.user ?? '-', k.createdAt, k.lastUsedAt ?? 'never', k.revokedAt ?? '-']);
}
export const KEY_LIST_HEADER = ['id', 'name', 'topics', 'user', 'created', 'last used', 'revoked'] as const;
