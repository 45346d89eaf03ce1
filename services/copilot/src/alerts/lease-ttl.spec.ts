import { describe, expect, it } from 'vitest';
import { leaseTtlOf } from './lease-ttl.js';

describe(leaseTtlOf.name, () => {
  it('reads a whole number of milliseconds of at least a second', () => {
    expect(leaseTtlOf('3000')).toBe(3000);
    expect(leaseTtlOf('1000')).toBe(1000);
  });

  it('keeps the default when unset, too short or not a whole number', () => {
    expect(leaseTtlOf(undefined)).toBeUndefined();
    expect(leaseTtlOf('999')).toBeUndefined();
    expect(leaseTtlOf('2.5s')).toBeUndefined();
    expect(leaseTtlOf('-5000')).toBeUndefined();
  });
});
