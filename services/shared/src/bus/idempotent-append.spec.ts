import { describe, expect, it } from 'vitest';
import { tokenKey } from './idempotent-append.js';

describe('tokenKey', () => {
  it("shares the stream's hash tag, so a Redis Cluster runs the append on the stream's node", () => {
    expect(tokenKey('{market}:stream:spot', 'abc')).toBe('{market}:publish:abc');
  });

  it('makes the whole stream name the tag when the stream has none (the same slot as the stream itself)', () => {
    expect(tokenKey('t:spot', 'abc')).toBe('{t:spot}:publish:abc');
  });
});
