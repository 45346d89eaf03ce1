import type { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COMMENTARY_CONFIG, type CommentaryDto } from '@marketswarm/shared/dto';
import { startRedisServer, type RedisServerHandle } from '@marketswarm/shared/testing';
import { COMMENTARY_KEEP, COMMENTARY_KEYS, CommentaryStore } from './commentary.store.js';

const line = (n: number): CommentaryDto => ({ id: `c${n}`, ts: n, kind: 'on-demand', severity: 'info', text: `line ${n}`, source: 'rules' });

describe(CommentaryStore.name, () => {
  let server: RedisServerHandle;
  let redis: Redis;
  let store: CommentaryStore;

  beforeAll(async () => {
    server = await startRedisServer();
    redis = server.client();
    store = new CommentaryStore(redis, pino({ level: 'silent' }));
  });
  beforeEach(async () => {
    await redis.flushall();
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  it('keeps each user\'s latest lines, newest first, capped', async () => {
    for (let n = 0; n < COMMENTARY_KEEP + 5; n++) await store.push('u1', line(n));
    await store.push('u2', line(999));
    expect(await redis.llen(COMMENTARY_KEYS.items('u1'))).toBe(COMMENTARY_KEEP);
    expect((await store.recent('u1', 3)).map((i) => i.id)).toEqual([`c${COMMENTARY_KEEP + 4}`, `c${COMMENTARY_KEEP + 3}`, `c${COMMENTARY_KEEP + 2}`]);
    expect((await store.recent('u2', 10)).map((i) => i.id)).toEqual(['c999']);
  });

  it('skips a stored line that no longer parses', async () => {
    await store.push('u1', line(1));
    await redis.lpush(COMMENTARY_KEYS.items('u1'), '{"id":"broken"', JSON.stringify({ ...line(2), kind: 'gossip' }));
    expect((await store.recent('u1', 10)).map((i) => i.id)).toEqual(['c1']);
  });

  it('serves the default config until one is saved, and the default again for one that no longer validates', async () => {
    expect(await store.config('u1')).toEqual(DEFAULT_COMMENTARY_CONFIG);
    const mine = { ...DEFAULT_COMMENTARY_CONFIG, maxPerMinute: 2 };
    await store.saveConfig('u1', mine);
    expect(await store.config('u1')).toEqual(mine);
    await redis.set(COMMENTARY_KEYS.config('u1'), JSON.stringify({ ...mine, maxPerMinute: 0 }));
    expect(await store.config('u1')).toEqual(DEFAULT_COMMENTARY_CONFIG);
  });

  it('announces a config change with only the user id', async () => {
    const subscriber = redis.duplicate();
    const heard = new Promise<string>((resolve) => subscriber.on('message', (_channel: string, message: string) => resolve(message)));
    await subscriber.subscribe(COMMENTARY_KEYS.configChannel);
    await store.announceConfigChange('u1');
    expect(await heard).toBe('u1');
    subscriber.disconnect();
  });

  it('announces a stored line with its origin and owner', async () => {
    const subscriber = redis.duplicate();
    const heard = new Promise<string>((resolve) => subscriber.on('message', (_channel: string, message: string) => resolve(message)));
    await subscriber.subscribe(COMMENTARY_KEYS.lineChannel);
    await store.announceLine('copilot-a', 'u1', line(7));
    expect(JSON.parse(await heard)).toEqual({ origin: 'copilot-a', userId: 'u1', item: line(7) });
    subscriber.disconnect();
  });

  it('allows a user\'s config writes up to the limit in a window, then refuses until the window ends', async () => {
    expect(await store.takeConfigWrite('u1', 2, 60_000)).toEqual({ allowed: true });
    expect(await store.takeConfigWrite('u1', 2, 60_000)).toEqual({ allowed: true });
    expect(await store.takeConfigWrite('u1', 2, 60_000)).toEqual({ allowed: false, retryAfterSec: 60 });
    expect(await store.takeConfigWrite('u2', 2, 60_000)).toEqual({ allowed: true });
    // The window ends when the counter expires, whoever wrote last.
    await redis.del(COMMENTARY_KEYS.configWrites('u1'));
    expect(await store.takeConfigWrite('u1', 2, 60_000)).toEqual({ allowed: true });
  });

  it('gives a config write counter left without an expiry one, so it cannot refuse forever', async () => {
    await redis.set(COMMENTARY_KEYS.configWrites('u1'), '5');
    expect(await store.takeConfigWrite('u1', 2, 60_000)).toEqual({ allowed: false, retryAfterSec: 60 });
    expect(await redis.pttl(COMMENTARY_KEYS.configWrites('u1'))).toBeGreaterThan(0);
  });
});
