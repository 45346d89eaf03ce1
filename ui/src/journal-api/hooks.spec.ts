import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { journalKeys, retryTransient } from './hooks';

describe(retryTransient.name, () => {
  it('does not retry an answer that will not change (404, 400), and retries the rest twice', () => {
    expect(retryTransient(0, new ApiError(404, 'no such trade'))).toBe(false);
    expect(retryTransient(0, new ApiError(400, 'bad cursor'))).toBe(false);
    expect(retryTransient(0, new ApiError(0, 'unreachable'))).toBe(true);
    expect(retryTransient(1, new ApiError(503, 'unavailable'))).toBe(true);
    expect(retryTransient(2, new ApiError(503, 'unavailable'))).toBe(false);
  });
});

describe('journal query keys', () => {
  it('put every journal query under one prefix, so a write can refresh them all', () => {
    for (const key of [journalKeys.logs, journalKeys.tags, journalKeys.settings, journalKeys.trades(['a'], 'q'), journalKeys.trade('t'), journalKeys.analytics('q')]) expect(key[0]).toBe('journal');
  });
});
