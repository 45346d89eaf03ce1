import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { z } from 'zod';
import { HttpError, zodIssues } from '@marketswarm/shared/http';

export const JSON_BODY_LIMIT = '64kb';

/** `express.json` with the routers' size limit; pair it with `jsonBodyErrors` at the router's end. */
export function jsonBody(): RequestHandler {
  return express.json({ limit: JSON_BODY_LIMIT });
}

/** Turns body-parser failures into the shared error body, naming the body and the reason. */
export const jsonBodyErrors: ErrorRequestHandler = (error: unknown, _req, _res, next) => {
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.parse.failed') {
    next(new HttpError(400, 'request body is not valid JSON', [{ path: '(body)', message: (error as Error).message }]));
  } else if (type === 'entity.too.large') {
    next(new HttpError(413, `request body is larger than ${JSON_BODY_LIMIT}`, [{ path: '(body)', message: `must be at most ${JSON_BODY_LIMIT}` }]));
  } else {
    next(error);
  }
};

/**
 * Validates a parsed JSON body; a 400 lists every field and reason in `issues`, and its message
 * repeats the first one so a human reading a log line sees what was wrong.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === undefined) {
    throw new HttpError(415, 'send a JSON body with Content-Type: application/json', [
      { path: '(body)', message: 'missing, or not sent as application/json' },
    ]);
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error);
  const first = issues[0];
  throw new HttpError(400, first ? `invalid body: ${first.path}: ${first.message}` : 'invalid body', issues);
}
