import express, { type RequestHandler } from 'express';
import type { z } from 'zod';
import { DomainError } from '../domain-error.js';
import { zodIssues } from '../error-body.js';

/** The JSON body limit of every REST route unless a service says otherwise (nginx allows the same). */
export const JSON_BODY_LIMIT = '64kb';

const BODY = '(body)';

/**
 * `express.json` with a size limit whose failures are already the shared errors: malformed JSON is
 * a 400 naming the body, too large a 413 naming the limit, an unknown charset a 415. A body sent as
 * anything but JSON is left unparsed (`req.body` stays undefined), which parseBody answers with 415.
 */
export function jsonBody(limit: string = JSON_BODY_LIMIT): RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) => parse(req, res, (error?: unknown) => next(error === undefined ? undefined : bodyParserError(error, limit)));
}

function bodyParserError(error: unknown, limit: string): unknown {
  const type = (error as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.parse.failed':
      return new DomainError('bad-request', 'request body is not valid JSON', { issues: [{ path: BODY, message: (error as Error).message }], cause: error });
    case 'entity.too.large':
      return new DomainError('payload-too-large', `request body is larger than ${limit}`, { issues: [{ path: BODY, message: `must be at most ${limit}` }] });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new DomainError('unsupported-media-type', (error as Error).message, { issues: [{ path: BODY, message: (error as Error).message }] });
    default:
      return error;
  }
}

/**
 * Validates a parsed JSON body; a 400 (`validation`) lists every field and reason in `issues`, and its
 * message repeats the first one so a human reading a log line sees what was wrong. No body at all
 * (nothing sent, or not as application/json) is a 415.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === undefined) {
    throw new DomainError('unsupported-media-type', 'send a JSON body with Content-Type: application/json', {
      issues: [{ path: BODY, message: 'missing, or not sent as application/json' }],
    });
  }
  return parseInput(schema, body, 'body');
}

/** Where a request value came from, as a 400's message names it. */
export type InputPart = 'body' | 'query' | 'path';

/** Validates path parameters, a query or a body against its schema: 400 `validation` naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, part: InputPart): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error);
  const first = issues[0];
  throw new DomainError('validation', first ? `invalid ${part}: ${first.path}: ${first.message}` : `invalid ${part}`, { issues });
}
