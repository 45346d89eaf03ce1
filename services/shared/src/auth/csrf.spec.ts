import { describe, expect, it } from 'vitest';
import { csrfProblem, isStateChangingMethod, newCsrfToken, tokensMatch } from './csrf.js';

describe(tokensMatch.name, () => {
  it('matches equal tokens only', () => {
    const token = newCsrfToken();
    expect(tokensMatch(token, `${token}`)).toBe(true);
    expect(tokensMatch(token, newCsrfToken())).toBe(false);
    expect(tokensMatch(token, token.slice(0, -1))).toBe(false);
    expect(tokensMatch(token, `${token}x`)).toBe(false);
  });

  it('never matches a missing or empty token', () => {
    expect(tokensMatch(undefined, undefined)).toBe(false);
    expect(tokensMatch('', '')).toBe(false);
    expect(tokensMatch('abc', undefined)).toBe(false);
  });
});

describe(newCsrfToken.name, () => {
  it('mints 32 random bytes as base64url, different every time', () => {
    const a = newCsrfToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newCsrfToken()).not.toBe(a);
  });
});

describe(csrfProblem.name, () => {
  const token = 'tok-123';

  it('lets safe methods through without a token', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(isStateChangingMethod(method)).toBe(false);
      expect(csrfProblem({ method, header: undefined, cookie: undefined, session: token })).toBeNull();
    }
  });

  it('requires the header on POST, PUT, PATCH and DELETE, naming it', () => {
    for (const method of ['POST', 'put', 'PATCH', 'DELETE']) {
      expect(isStateChangingMethod(method)).toBe(true);
      expect(csrfProblem({ method, header: undefined, cookie: token, session: token })).toBe(
        'missing X-CSRF-Token header: send the value of the ms_csrf cookie in it',
      );
    }
  });

  it('passes when header, cookie and session agree', () => {
    expect(csrfProblem({ method: 'POST', header: token, cookie: token, session: token })).toBeNull();
    expect(csrfProblem({ method: 'POST', header: [token, 'other'], cookie: token, session: token })).toBeNull();
  });

  it('refuses a header that differs from the cookie', () => {
    expect(csrfProblem({ method: 'POST', header: token, cookie: 'other', session: token })).toBe('X-CSRF-Token header does not match the ms_csrf cookie');
    expect(csrfProblem({ method: 'POST', header: token, cookie: undefined, session: token })).toBe('X-CSRF-Token header does not match the ms_csrf cookie');
  });

  it("refuses a header and cookie pair that is not this session's (a planted cookie)", () => {
    expect(csrfProblem({ method: 'DELETE', header: 'planted', cookie: 'planted', session: token })).toBe(
      'X-CSRF-Token header does not belong to this session: sign in again',
    );
  });
});
