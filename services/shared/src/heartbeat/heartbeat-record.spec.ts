import { describe, expect, it } from 'vitest';
import { heartbeatState, parseHeartbeat, type HeartbeatRecord } from './heartbeat-record.js';

const record: HeartbeatRecord = {
  service: 'sse',
  version: '0.1.0',
  pid: 42,
  host: 'h',
  port: 3001,
  startedAt: 0,
  ts: 10_000,
  uptimeSec: 10,
  intervalMs: 2000,
  truthVersion: '1.0.0+abc',
};

describe(heartbeatState.name, () => {
  it('is fresh within two intervals and stale after', () => {
    expect(heartbeatState(record, 14_000)).toBe('fresh');
    expect(heartbeatState(record, 14_001)).toBe('stale');
  });

  it('is missing when there is no record', () => {
    expect(heartbeatState(null, 0)).toBe('missing');
  });
});

describe(parseHeartbeat.name, () => {
  it('treats a corrupt record as missing instead of throwing', () => {
    expect(parseHeartbeat('{"service":1}')).toBeNull();
    expect(parseHeartbeat('not json')).toBeNull();
    expect(parseHeartbeat(JSON.stringify(record))).toEqual(record);
  });
});
