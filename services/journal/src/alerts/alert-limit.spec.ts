import { describe, expect, it } from 'vitest';
import { DomainError } from '@marketswarm/shared/http';
import { assertBelowAlertLimit } from './alert-limit.js';

const refusal = (run: () => void): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe(assertBelowAlertLimit.name, () => {
  it('lets a user below the limit store one more', () => {
    expect(() => assertBelowAlertLimit('alerts', 'trader', 199, 200)).not.toThrow();
    expect(() => assertBelowAlertLimit('promptAlerts', 'admin', 0, 1)).not.toThrow();
  });

  it('refuses the one past the limit with 429 naming the count, the role and kind', () => {
    const error = refusal(() => assertBelowAlertLimit('alerts', 'trader', 200, 200));
    expect(error.code).toBe('rate-limited');
    expect(error.message).toBe('you have 200 alerts, the most a trader may have (200); delete some first');
    expect(error.issues).toEqual([{ path: 'kind', message: 'a trader may have at most 200 alerts' }]);
  });

  it('names text for prompt alerts, and says "an admin"', () => {
    const error = refusal(() => assertBelowAlertLimit('promptAlerts', 'admin', 200, 200));
    expect(error.message).toBe('you have 200 prompt alerts, the most an admin may have (200); delete some first');
    expect(error.issues).toEqual([{ path: 'text', message: 'an admin may have at most 200 prompt alerts' }]);
  });

  it('refuses a user already past a limit that was lowered, saying how many they have', () => {
    expect(refusal(() => assertBelowAlertLimit('alerts', 'trader', 250, 200)).message).toBe('you have 250 alerts, the most a trader may have (200); delete some first');
  });

  it('refuses every one when the limit is 0', () => {
    expect(refusal(() => assertBelowAlertLimit('promptAlerts', 'trader', 0, 0)).code).toBe('rate-limited');
  });
});
