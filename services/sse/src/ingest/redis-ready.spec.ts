import { describe, expect, it } from 'vitest';
import { DomainError } from '@marketswarm/shared/http';
import { requireReady, UNAVAILABLE_RETRY_AFTER_SEC } from './redis-ready.js';

describe(requireReady.name, () => {
  it('lets a ready connection through', () => {
    expect(() => requireReady({ status: 'ready' }, 'the market bus')).not.toThrow();
  });

  it('refuses as unavailable, with a retry time, while the connection is anything but ready', () => {
    for (const status of ['connecting', 'connect', 'reconnecting', 'close', 'end', 'wait'] as const) {
      let refused: unknown;
      try {
        requireReady({ status }, 'the market bus');
      } catch (error) {
        refused = error;
      }
      expect(refused, status).toBeInstanceOf(DomainError);
      expect(refused, status).toMatchObject({ code: 'unavailable', retryAfterSec: UNAVAILABLE_RETRY_AFTER_SEC, message: `the market bus is unreachable (${status}); nothing was written, retry in 5 s` });
    }
  });
});
