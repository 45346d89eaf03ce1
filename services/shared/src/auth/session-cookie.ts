import type { IncomingHttpHeaders } from 'node:http';
import { parseCookie, stringifySetCookie, type SerializeOptions } from 'cookie';
import type { Session } from './session.repository.js';

import { CSRF_COOKIE, SESSION_COOKIE } from '../dto/auth.schema.js';

export { CSRF_COOKIE, SESSION_COOKIE };

/**
 * httpOnly, long-lived: a random id for the browser, remembered per account after a successful
 * sign-in, so the owner's own device passes the per-account sign-in limit (see `KnownDeviceRepository`).
 * Only the auth routes need it, so it is sent nowhere else.
 */
export const DEVICE_COOKIE = 'ms_device';
export const DEVICE_COOKIE_PATH = '/api/auth';

export interface SessionCookies {
  session: string | undefined;
  csrf: string | undefined;
}

/** The two auth cookies from a `Cookie` header (a missing header, or a malformed one, yields none). */
export function readSessionCookies(cookieHeader: string | undefined): SessionCookies {
  if (!cookieHeader) return { session: undefined, csrf: undefined };
  const cookies = parseCookie(cookieHeader);
  return { session: cookies[SESSION_COOKIE], csrf: cookies[CSRF_COOKIE] };
}

/**
 * True when the browser reached us over HTTPS: a TLS socket, or nginx in front saying so with
 * `X-Forwarded-Proto: https` (the first value when proxies chained it).
 */
export function isHttpsRequest(headers: IncomingHttpHeaders, socketEncrypted = false): boolean {
  if (socketEncrypted) return true;
  const forwarded = headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

export function sessionCookieOptions(secure: boolean, maxAgeSec: number): SerializeOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: maxAgeSec };
}

export function csrfCookieOptions(secure: boolean, maxAgeSec: number): SerializeOptions {
  return { httpOnly: false, sameSite: 'lax', path: '/', secure, maxAge: maxAgeSec };
}

/** `Set-Cookie` values that hand a session to the browser, valid as long as the session. */
export function sessionSetCookies(session: Pick<Session, 'id' | 'csrf'>, options: { secure: boolean; maxAgeSec: number }): string[] {
  return [
    stringifySetCookie(SESSION_COOKIE, session.id, sessionCookieOptions(options.secure, options.maxAgeSec)),
    stringifySetCookie(CSRF_COOKIE, session.csrf, csrfCookieOptions(options.secure, options.maxAgeSec)),
  ];
}

/** Strict: only sign-in and sign-up from our own pages need to present it. */
export function deviceCookieOptions(secure: boolean, maxAgeSec: number): SerializeOptions {
  return { httpOnly: true, sameSite: 'strict', path: DEVICE_COOKIE_PATH, secure, maxAge: maxAgeSec };
}

/** The device id from a `Cookie` header, if any (its format is checked where it is used). */
export function readDeviceCookie(cookieHeader: string | undefined): string | undefined {
  return cookieHeader ? parseCookie(cookieHeader)[DEVICE_COOKIE] : undefined;
}

/** The `Set-Cookie` value that keeps the device id for as long as the device stays known. */
export function deviceSetCookie(deviceId: string, options: { secure: boolean; maxAgeSec: number }): string {
  return stringifySetCookie(DEVICE_COOKIE, deviceId, deviceCookieOptions(options.secure, options.maxAgeSec));
}

/** `Set-Cookie` values that make the browser forget both session cookies (the device cookie stays: the device is still known). */
export function clearSessionSetCookies(secure: boolean): string[] {
  const expired = { maxAge: 0, expires: new Date(0) };
  return [
    stringifySetCookie(SESSION_COOKIE, '', { ...sessionCookieOptions(secure, 0), ...expired }),
    stringifySetCookie(CSRF_COOKIE, '', { ...csrfCookieOptions(secure, 0), ...expired }),
  ];
}
