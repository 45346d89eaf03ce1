import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { apiKeySecretMatches, parseApiKey, type ApiKeyRepository, type StoredApiKey } from '@marketswarm/shared/auth';
import { DomainError } from '@marketswarm/shared/http';
import { requireReady } from './redis-ready.js';

const REALM = 'Bearer realm="ingest"';

// Keyed by the request, as the session guard keeps its caller: the handler reads what this guard found.
const keyByRequest = new WeakMap<IncomingMessage, StoredApiKey>();

/** The API key the guard accepted on this request; a missing one is a 401, never a crash. */
export function ingestCaller(req: IncomingMessage): StoredApiKey {
  const key = keyByRequest.get(req);
  if (!key) throw new DomainError('unauthorized', 'send an API key', { issues: [{ path: 'Authorization', message: 'no API key on this request' }] });
  return key;
}

/**
 * 401 with `WWW-Authenticate: Bearer` without an `Authorization: Bearer <key>` header; 503 at once
 * while system Redis is unreachable; else 401 unless the key is live and its
 * secret matches its stored hash. The record is read on every request, so a revocation holds on
 * every gateway at once. One message for unknown, wrong and revoked keys, apart from "revoked", so a
 * caller cannot probe which ids exist; an operator tells them apart with `./admin key list`.
 */
export function apiKeyGuard(keys: ApiKeyRepository, system: Pick<Redis, 'status'>): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    const presented = bearerToken(header);
    if (presented === null) {
      res.setHeader('WWW-Authenticate', REALM);
      throw new DomainError('unauthorized', 'send an API key as Authorization: Bearer <key>', {
        issues: [{ path: 'Authorization', message: header === undefined ? 'no Authorization header was sent' : 'must be "Bearer <key>"' }],
      });
    }
    // Keys, accounts and rate buckets live in system Redis: without it, refuse now rather than queue
    // (a request with no key at all is a 401 whatever the state of Redis).
    requireReady(system, 'system Redis');
    const token = parseApiKey(presented);
    const key = token ? await keys.findById(token.id) : null;
    if (!token || !key || !apiKeySecretMatches(token.secret, key.secretHash)) return refuse(res, 'the API key is not valid');
    if (key.revokedAt !== undefined) return refuse(res, 'the API key was revoked');
    keyByRequest.set(req, key);
    next();
  };
}

/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive, RFC 6750), or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = header === undefined ? null : /^Bearer +(\S+) *$/i.exec(header);
  return match?.[1] ?? null;
}

function refuse(res: Parameters<RequestHandler>[1], reason: string): never {
  res.setHeader('WWW-Authenticate', `${REALM}, error="invalid_token"`);
  throw new DomainError('unauthorized', reason, { issues: [{ path: 'Authorization', message: reason }] });
}
