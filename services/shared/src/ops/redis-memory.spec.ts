import { describe, expect, it } from 'vitest';
import { parseRedisInfo, redisHealthFromInfo } from './redis-memory.js';

const INFO = ['# Memory', 'used_memory:1048576', 'used_memory_human:1.00M', 'maxmemory:0', '', '# Persistence', 'aof_enabled:1', 'loading:0', ''].join('\r\n');

describe(parseRedisInfo.name, () => {
  it('reads every field of every section and skips the headers', () => {
    expect(parseRedisInfo(INFO)).toEqual({ used_memory: '1048576', used_memory_human: '1.00M', maxmemory: '0', aof_enabled: '1', loading: '0' });
  });
});

describe(redisHealthFromInfo.name, () => {
  it('reports used memory, no limit for maxmemory 0, and AOF on', () => {
    expect(redisHealthFromInfo('system', parseRedisInfo(INFO))).toEqual({ bus: 'system', reachable: true, usedMemoryBytes: 1_048_576, maxMemoryBytes: null, aof: true });
  });

  it('reports a configured limit and AOF off', () => {
    expect(redisHealthFromInfo('market', { used_memory: '10', maxmemory: '2048', aof_enabled: '0' })).toMatchObject({ maxMemoryBytes: 2048, aof: false });
  });

  it('leaves out what the server did not say', () => {
    expect(redisHealthFromInfo('intel', {})).toEqual({ bus: 'intel', reachable: true, usedMemoryBytes: null, maxMemoryBytes: null, aof: null });
  });
});
