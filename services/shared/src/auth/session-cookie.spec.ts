import { describe, expect, it } from 'vitest';
import {
  clearSessionSetCookies,
  csrfCookieOptions,
  deviceSetCookie,
  isHttpsRequest,
  readDeviceCookie,
  readSessionCookies,
  sessionCookieOptions,
  sessionSetCookies,
} from './session-cookie.js';

describe('session cookie options', () => {
  it('keeps the session cookie away from scripts, Lax, site-wide, Secure only over HTTPS', () => {
    expect(sessionCookieOptions(false, 600)).toEqual({ httpOnly: true, sameSite: 'lax', path: '/', secure: false, maxAge: 600 });
    expect(sessionCookieOptions(true, 600)).toMatchObject({ secure: true });
  });

  it('leaves the csrf cookie readable by scripts', () => {
    expect(csrfCookieOptions(false, 600)).toEqual({ httpOnly: false, sameSite: 'lax', path: '/', secure: false, maxAge: 600 });
    expect(csrfCookieOptions(true, 600)).toMatchObject({ secure: true });
  });
});

describe(sessionSetCookies.name, () => {
  it('serialises ms_session and ms_csrf with their attributes', () => {
    expect(sessionSetCookies({ id: 'sid', csrf: 'tok' }, { secure: true, maxAgeSec: 60 })).toEqual([
      'ms_session=sid; Max-Age=60; Path=/; HttpOnly; Secure; SameSite=Lax',
      'ms_csrf=tok; Max-Age=60; Path=/; Secure; SameSite=Lax',
    ]);
    expect(sessionSetCookies({ id: 'sid', csrf: 'tok' }, { secure: false, maxAgeSec: 60 })[0]).toBe('ms_session=sid; Max-Age=60; Path=/; HttpOnly; SameSite=Lax');
  });

  it('clears both with Max-Age=0 and an expiry in the past', () => {
    const [session, csrf] = clearSessionSetCookies(false);
    expect(session).toBe('ms_session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax');
    expect(csrf).toBe('ms_csrf=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax');
  });
});

describe(readSessionCookies.name, () => {
  it('picks the two auth cookies out of a Cookie header', () => {
    expect(readSessionCookies('theme=dark; ms_session=abc; ms_csrf=def')).toEqual({ session: 'abc', csrf: 'def' });
  });

  it('yields nothing for a missing or unrelated header', () => {
    expect(readSessionCookies(undefined)).toEqual({ session: undefined, csrf: undefined });
    expect(readSessionCookies('garbage')).toEqual({ session: undefined, csrf: undefined });
  });
});

describe(deviceSetCookie.name, () => {
  it('keeps the device id away from scripts and other sites, and sends it to the auth routes only', () => {
    expect(deviceSetCookie('dev', { secure: true, maxAgeSec: 7_776_000 })).toBe('ms_device=dev; Max-Age=7776000; Path=/api/auth; HttpOnly; Secure; SameSite=Strict');
    expect(deviceSetCookie('dev', { secure: false, maxAgeSec: 60 })).toBe('ms_device=dev; Max-Age=60; Path=/api/auth; HttpOnly; SameSite=Strict');
  });

  it('is read back from a Cookie header, and missing when not sent', () => {
    expect(readDeviceCookie('ms_session=abc; ms_device=dev')).toBe('dev');
    expect(readDeviceCookie('ms_session=abc')).toBeUndefined();
    expect(readDeviceCookie(undefined)).toBeUndefined();
  });
});

describe(isHttpsRequest.name, () => {
  it('is true on a TLS socket or behind a proxy that says https', () => {
    expect(isHttpsRequest({}, true)).toBe(true);
    expect(isHttpsRequest({ 'x-forwarded-proto': 'https' })).toBe(true);
    expect(isHttpsRequest({ 'x-forwarded-proto': 'HTTPS, http' })).toBe(true);
  });

  it('is false for plain HTTP', () => {
    expect(isHttpsRequest({})).toBe(false);
    expect(isHttpsRequest({ 'x-forwarded-proto': 'http' })).toBe(false);
    expect(isHttpsRequest({ 'x-forwarded-proto': 'http, https' })).toBe(false);
  });
});
