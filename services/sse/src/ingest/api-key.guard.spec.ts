import { describe, expect, it } from 'vitest';
import { bearerToken } from './api-key.guard.js';

describe(bearerToken.name, () => {
  it('reads the token of a Bearer header, whatever the scheme’s case', () => {
    expect(bearerToken('Bearer ms_live_abc')).toBe('ms_live_abc');
    expect(bearerToken('bearer  ms_live_abc ')).toBe('ms_live_abc');
  });

  it('finds none in a missing header, another scheme, or a header with two tokens', () => {
    for (const header of [undefined, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwdw==', 'Bearer a b', 'ms_live_abc']) expect(bearerToken(header), String(header)).toBeNull();
  });
});
