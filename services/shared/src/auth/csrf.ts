import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import { CSRF_HEADER } from '../dto/auth.schema.js';

export { CSRF_HEADER };

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isStateChangingMethod(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

/** Constant-time equality of two tokens (hashing first makes the lengths equal too). */
export function tokensMatch(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export interface CsrfInput {
  method: string;
  /** The `X-CSRF-Token` header. */
  header: string | string[] | undefined;
  /** The `ms_csrf` cookie. */
  cookie: string | undefined;
  /** The token stored in the session record. */
  session: string;
}

/**
 * Double-submit check. Safe methods pass; POST/PUT/PATCH/DELETE need the header to equal both
 * the cookie and the session's token. Returns null when the request may proceed, otherwise
 * the reason (which names the header), for a 403.
 */
export function csrfProblem(input: CsrfInput): string | null {
  if (!isStateChangingMethod(input.method)) return null;
  const header = Array.isArray(input.header) ? input.header[0] : input.header;
  if (!header) return `missing ${CSRF_HEADER} header: send the value of the ms_csrf cookie in it`;
  if (!tokensMatch(header, input.cookie)) return `${CSRF_HEADER} header does not match the ms_csrf cookie`;
  if (!tokensMatch(header, input.session)) return `${CSRF_HEADER} header does not belong to this session: sign in again`;
  return null;
}
