import type { Express } from 'express';
import { z } from 'zod';
import { openApiDocument, type OpenApiDocument, type OpenApiInfo } from '../openapi/openapi-document.js';
import type { DocumentedRoute } from '../openapi/route-doc.js';
import { publicRoute } from './route.js';
import { routeTable, type RouteEntry } from './route-table.js';

/** The routes a service documents: those under `/api` (what nginx passes through) that declared a doc. */
export function documentedRoutes(entries: readonly RouteEntry[]): DocumentedRoute[] {
  return entries.flatMap((e) => (e.path.startsWith('/api/') && e.doc && e.policy ? [{ method: e.method, path: e.path, policy: e.policy, doc: e.doc }] : []));
}

export const openApiResponseSchema = z.looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) });

/**
 * Serves the app's OpenAPI document at `path` (public, like any API reference), built on first
 * request from the app's own router stack, so it lists exactly the routes that are mounted.
 */
export function mountOpenApi(app: Express, path: string, info: OpenApiInfo): void {
  let document: OpenApiDocument | undefined;
  app.get(
    path,
    publicRoute({ summary: "This service's OpenAPI document", responses: { 200: openApiResponseSchema } }, (_input, _req, res) => {
      document ??= openApiDocument(info, documentedRoutes(routeTable(app)));
      res.json(document);
    }),
  );
}
