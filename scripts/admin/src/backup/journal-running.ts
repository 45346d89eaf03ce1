import { heartbeatKey, heartbeatState, parseHeartbeat } from '@marketswarm/shared/heartbeat';
import type { PublicTruth } from '@marketswarm/shared/truth';
import { busUrl, connectRedis } from '../truth/system-redis.js';

/**
 * Whether a journal process is alive right now, by its heartbeat in system Redis: 'unknown' when
 * Redis cannot be reached (a stack that is down has no journal writing either).
 */
export async function journalLiveness(truth: PublicTruth, env: NodeJS.ProcessEnv = process.env): Promise<'running' | 'stopped' | 'unknown'> {
  let redis;
  try {
    redis = await connectRedis(busUrl(truth, 'system', env), 'system');
  } catch {
    return 'unknown';
  }
  try {
    const record = parseHeartbeat(await redis.get(heartbeatKey('journal')));
    return heartbeatState(record, Date.now()) === 'fresh' ? 'running' : 'stopped';
  } finally {
    redis.disconnect();
  }
}
