import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { SessionUser } from '../../auth/authenticate.js';
import type { RouteDoc } from '../openapi/route-doc.js';
import { JSON_BODY_LIMIT, jsonBody, parseBody, parseInput } from './json-body.js';
import { currentAuth } from './request-auth.js';
import { needsSession, withPolicy, type RoutePolicy } from './route-policy.js';

type Parsed<D, K extends 'params' | 'query' | 'body', Otherwise> = D extends { [key in K]: infer S extends z.ZodType } ? z.output<S> : Otherwise;

/** What a route handler receives: its input parsed by the doc's schemas, and the caller unless public. */
export interface RouteInput<P extends RoutePolicy, D extends RouteDoc> {
  params: Parsed<D, 'params', Record<string, string>>;
  query: Parsed<D, 'query', Request['query']>;
  body: Parsed<D, 'body', undefined>;
  auth: P extends 'session' | 'admin' ? SessionUser : undefined;
}

export type RouteHandler<P extends RoutePolicy, D extends RouteDoc> = (input: RouteInput<P, D>, req: Request, res: Response) => unknown;

export interface RouteMeta {
  policy: RoutePolicy;
  doc: RouteDoc;
}

const META = Symbol.for('marketswarm.route-meta');

/** The policy and doc `route()` attached to a route's handler, for the route table and OpenAPI. */
export function routeMetaOf(handler: unknown): RouteMeta | undefined {
  if (typeof handler !== 'function') return undefined;
  return (handler as { [META]?: RouteMeta })[META];
}

/** The handlers of one route: its guard, the JSON parser when the doc declares a body, the handler with its parsed input. */
export function routeHandlers<P extends RoutePolicy, D extends RouteDoc>(
  guard: RequestHandler,
  policy: P,
  doc: D,
  handler: RouteHandler<P, D>,
  jsonLimit: string,
): RequestHandler[] {
  const run: RequestHandler = async (req, res) => {
    const input = {
      params: doc.params ? parseInput(doc.params, req.params, 'path') : req.params,
      query: doc.query ? parseInput(doc.query, req.query, 'query') : req.query,
      body: doc.body ? parseBody(doc.body, req.body) : undefined,
      auth: needsSession(policy) ? currentAuth(req) : undefined,
    } as RouteInput<P, D>;
    await handler(input, req, res);
  };
  Object.defineProperty(run, META, { value: { policy, doc } satisfies RouteMeta, enumerable: false });
  // The body is read only after the guard passed: nobody's JSON is parsed for a refused request.
  return [guard, ...(doc.body ? [jsonBody(jsonLimit)] : []), run];
}

/** Lets anyone through: the explicit decision that a route needs no session. */
export const allowPublic: RequestHandler = withPolicy<RequestHandler>((_req, _res, next) => next(), 'public');

/** A public route for code that has no session to check (health, the OpenAPI document itself). */
export function publicRoute<D extends RouteDoc>(doc: D, handler: RouteHandler<'public', D>): RequestHandler[] {
  return routeHandlers(allowPublic, 'public', doc, handler, JSON_BODY_LIMIT);
}


/**
 * A route for outside producers: `guard` checks the `Authorization: Bearer` API key (and answers 401
 * itself); no session or CSRF check runs. The handler reads the caller from what the guard stored.
 */
export function apiKeyRoute<D extends RouteDoc>(guard: RequestHandler, doc: D, handler: RouteHandler<'apiKey', D>, jsonLimit: string = JSON_BODY_LIMIT): RequestHandler[] {
  return routeHandlers(withPolicy(guard, 'apiKey'), 'apiKey', doc, handler, jsonLimit);
}
