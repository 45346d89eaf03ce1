import { describe, expect, it } from 'vitest';
import { formatUptime } from './duration';

describe(formatUptime.name, () => {
  it('shows seconds under a minute', () => {
    expect(formatUptime(0)).toBe('0s');
    expect(formatUptime(42)).toBe('42s');
  });

  it('shows the two largest units with the smaller one zero-padded', () => {
    expect(formatUptime(5 * 60 + 3)).toBe('5m 03s');
    expect(formatUptime(2 * 3600 + 7 * 60 + 59)).toBe('2h 07m');
    expect(formatUptime(3 * 86_400 + 4 * 3600 + 1)).toBe('3d 04h');
  });

  it('rounds fractions down and clamps negative clocks to zero', () => {
    expect(formatUptime(59.9)).toBe('59s');
    expect(formatUptime(-5)).toBe('0s');
  });
});
