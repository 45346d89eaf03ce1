import type { ErrorBody } from '@marketswarm/shared/http';

/** A failed API call: the HTTP status (0 when the request never got an answer) and a readable message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * GETs a same-origin JSON resource and validates it with `parse`. Errors carry the message of the
 * services' shared error body when there is one.
 */
export async function getJson<T>(path: string, parse: (body: unknown) => T, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin', ...(signal ? { signal } : {}) });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, `${path} is unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
  const body = await readJson(res);
  if (!res.ok) throw new ApiError(res.status, errorMessage(body) ?? `${path} answered ${res.status} ${res.statusText}`.trim());
  if (body === undefined) throw new ApiError(res.status, `${path} did not answer with JSON`);
  return parse(body);
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
