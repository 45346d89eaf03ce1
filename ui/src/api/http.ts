import { CSRF_COOKIE, CSRF_HEADER } from '@marketswarm/shared/dto';
import type { ErrorBody } from '@marketswarm/shared/http';
import { takeEarlyResponse } from '../boot/early-responses';

export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * A failed API call: the HTTP status (0 when the request never got an answer), a readable message,
 * and the fields the server refused (`issues` of the shared error body) so forms can mark them.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Called on every 401 from a signed-in call, so an expired session sends the user to sign-in once. */
let unauthorizedHandler: (() => void) | undefined;
export function onUnauthorized(handler: (() => void) | undefined): void {
  unauthorizedHandler = handler;
}

/**
 * GETs a same-origin JSON resource and validates it with `parse`. Errors carry the message of the
 * services' shared error body when there is one.
 */
export async function getJson<T>(path: string, parse: (body: unknown) => T, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    // A page opened directly may find its first request already under way (ui/src/boot/early-fetch.ts).
    res = await (takeEarlyResponse(path) ?? fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin', ...(signal ? { signal } : {}) }));
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, `${path} is unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
  const body = await readJson(res);
  if (!res.ok) throw apiError(path, res, body);
  if (body === undefined) throw new ApiError(res.status, `${path} did not answer with JSON`);
  return parse(body);
}

export type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Sends a state-changing request with a JSON body and the CSRF header (the `ms_csrf` cookie's
 * value, double submit). A 204 answers `parse(undefined)`.
 */
export async function sendJson<T>(method: Method, path: string, body: unknown, parse: (body: unknown) => T): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf !== undefined) headers[CSRF_HEADER] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch (error) {
    throw new ApiError(0, `${path} is unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
  const answer = res.status === 204 ? undefined : await readJson(res);
  if (!res.ok) throw apiError(path, res, answer);
  return parse(answer);
}

/**
 * POSTs a `multipart/form-data` body (a file upload) with the CSRF header; the browser writes the
 * Content-Type with its boundary.
 */
export async function sendForm<T>(path: string, form: FormData, parse: (body: unknown) => T): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf !== undefined) headers[CSRF_HEADER] = csrf;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: form });
  } catch (error) {
    throw new ApiError(0, `${path} is unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
  const answer = await readJson(res);
  if (!res.ok) throw apiError(path, res, answer);
  return parse(answer);
}

/** A cookie readable by scripts, by name. */
export function readCookie(name: string, cookies: string = typeof document === 'undefined' ? '' : document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return safeDecode(part.slice(eq + 1).trim());
  }
  return undefined;
}

function apiError(path: string, res: Response, body: unknown): ApiError {
  if (res.status === 401 && !path.startsWith('/api/auth/')) unauthorizedHandler?.();
  return new ApiError(res.status, errorMessage(body) ?? `${path} answered ${res.status} ${res.statusText}`.trim(), errorIssues(body));
}

function errorIssues(body: unknown): FieldIssue[] {
  const issues = (body as Partial<ErrorBody> | undefined)?.issues;
  return Array.isArray(issues) ? issues.filter((i): i is FieldIssue => typeof i?.path === 'string' && typeof i.message === 'string') : [];
}

async function readJson(res: Response): Promise<unknown> {
  if (!res.headers.get('content-type')?.includes('json')) return undefined;
  try {
    return (await res.json()) as unknown;
  } catch {
    return undefined;
  }
}

function errorMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { statusCode, message } = body as Partial<ErrorBody>;
  return typeof message === 'string' && typeof statusCode === 'number' ? `${statusCode}: ${message}` : undefined;
}

/** A malformed %-escape in someone else's cookie must not break every request. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
