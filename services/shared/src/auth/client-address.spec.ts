import { describe, expect, it } from 'vitest';
import { limitAddress } from './client-address.js';

describe(limitAddress.name, () => {
  it('keeps an IPv4 address, also one that arrives IPv4-mapped', () => {
    expect(limitAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(limitAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('folds an IPv6 address to its /64, however it is written', () => {
    expect(limitAddress('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(limitAddress('2001:0DB8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(limitAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(limitAddress('::1')).toBe('0:0:0:0::/64');
  });

  it('passes anything that is not an address through unchanged', () => {
    expect(limitAddress('unknown')).toBe('unknown');
  });
});
