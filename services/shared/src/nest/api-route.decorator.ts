import { SetMetadata, type CustomDecorator } from '@nestjs/common';
import type { RouteDoc } from '../http/openapi/route-doc.js';

export const API_ROUTE_KEY = 'marketswarm:api-route';

/** What a route answers, for the OpenAPI document; its input comes from `@ZodBody` / `@ZodQuery` / `@ZodParams`. */
export type ApiRouteDoc = Omit<RouteDoc, 'params' | 'query' | 'body'>;

/** Documents a handler. A route without it is missing from the document, which the route specs refuse. */
export const ApiRoute = (doc: ApiRouteDoc): CustomDecorator => SetMetadata(API_ROUTE_KEY, doc);
