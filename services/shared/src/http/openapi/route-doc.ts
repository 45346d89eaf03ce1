import type { z } from 'zod';
import type { RoutePolicy } from '../edge/route-policy.js';

/**
 * What a route says about itself, next to its handler: the same zod schemas validate the request
 * and describe it in the service's OpenAPI document, so the two cannot drift.
 */
export interface RouteDoc {
  summary: string;
  description?: string;
  /** Path parameters (an object schema); absent, each `:name` is a plain string. */
  params?: z.ZodType;
  /** The query string (an object schema). */
  query?: z.ZodType;
  /** The JSON body; declaring one parses it (size limit, 400/413/415) before the handler runs. */
  body?: z.ZodType;
  /**
   * The body is `multipart/form-data`, not JSON: `body` then describes its text fields, and each
   * name here is a file part, with what it holds (`{ file: 'the broker export, at most 10 MiB' }`).
   */
  files?: Readonly<Record<string, string>>;
  /** Answers that are files, not JSON, by status: their content types (`{ 200: ['text/csv'] }`). */
  fileResponses?: Readonly<Record<number, readonly string[]>>;
  /** Successful answers by status: the JSON body's schema, or null for an empty body (204). */
  responses: Readonly<Record<number, z.ZodType | null>>;
  /**
   * Refusals the route's own rules can answer (404, 409, 429 …), by status, with when. Those its
   * policy and input imply (400, 401, 403, 413, 415) are added to the document by themselves.
   */
  errors?: Readonly<Record<number, string>>;
}

/** One route of a service as its document lists it: an Express-style path (`/api/models/:model`). */
export interface DocumentedRoute {
  method: string;
  path: string;
  policy: RoutePolicy;
  doc: RouteDoc;
}
