import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_LIMITS, resolveAuthLimits } from './auth-limits.js';

describe(resolveAuthLimits.name, () => {
  it('defaults to the documented policy', () => {
    expect(resolveAuthLimits()).toEqual({
      accountPerAddress: { limit: 10, windowSec: 900 },
      perAddress: { limit: 50, windowSec: 900 },
      perAccount: { limit: 100, windowSec: 3600 },
      signUpsPerAddress: { limit: 5, windowSec: 3600 },
      knownDeviceTtlSec: 90 * 86_400,
      knownDevicesPerAccount: 20,
    });
  });

  it('lays whole windows over the defaults', () => {
    expect(resolveAuthLimits({ signUpsPerAddress: { limit: 2, windowSec: 60 } })).toEqual({ ...DEFAULT_AUTH_LIMITS, signUpsPerAddress: { limit: 2, windowSec: 60 } });
  });

  it('refuses impossible numbers, naming each', () => {
    expect(() => resolveAuthLimits({ perAccount: { limit: 0, windowSec: 60 }, knownDeviceTtlSec: 1.5 })).toThrow(
      /^auth limits: perAccount\.limit: must be at least 1; knownDeviceTtlSec: .+$/,
    );
  });
});
