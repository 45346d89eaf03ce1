import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.js';

describe(formatBytes.name, () => {
  it('counts whole bytes below 1 KiB and one decimal of the largest binary unit above', () => {
    expect([0, 512, 1023].map(formatBytes)).toEqual(['0 B', '512 B', '1023 B']);
    expect([1024, 2048, 1536, 12.3 * 1024 ** 2, 3 * 1024 ** 3, 2 * 1024 ** 4].map(formatBytes)).toEqual(['1.0 KiB', '2.0 KiB', '1.5 KiB', '12.3 MiB', '3.0 GiB', '2.0 TiB']);
  });

  it('stays in TiB past the largest unit', () => {
    expect(formatBytes(2048 * 1024 ** 4)).toBe('2048.0 TiB');
  });

  it('shows a dash for an unknown size', () => {
    expect(formatBytes(null)).toBe('-');
  });
});
