import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Where the gateways keep the key that seals user-topic positions (system Redis, never in git). */
export const CURSOR_KEY = 'sse:cursor-key';

/**
 * The shared sealing key: the first gateway to start creates it (SET NX), every other instance
 * reads the same one, so an id issued by one gateway resumes on any other, across restarts.
 */
export async function loadCursorKey(system: Redis): Promise<Buffer> {
  await system.set(CURSOR_KEY, randomBytes(32).toString('base64'), 'NX');
  const stored = await system.get(CURSOR_KEY);
  const key = stored === null ? undefined : Buffer.from(stored, 'base64');
  if (!key || key.length !== 32) throw new Error(`${CURSOR_KEY} in system Redis is not a 32-byte base64 key; delete it and restart the gateways`);
  return key;
}
