import { ApiError } from '../api/http';

/** A failed query or mutation as one line for the page (the status prefix is noise to a trader). */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message.replace(/^\d{3}: /, '');
  return error instanceof Error ? error.message : String(error);
}

/** `?a=1&b=2` from the defined values, or '' when there are none. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const s = search.toString();
  return s === '' ? '' : `?${s}`;
}
