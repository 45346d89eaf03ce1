import { randomUUID } from 'node:crypto';

/** Accept nginx's `$request_id` (or any short token) from upstream; otherwise mint one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._-]{8,128}$/.test(value) ? value : randomUUID();
}
