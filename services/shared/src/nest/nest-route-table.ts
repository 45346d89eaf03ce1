import 'reflect-metadata';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import type { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { RouteEntry } from '../http/edge/route-table.js';
import type { RouteDoc } from '../http/openapi/route-doc.js';
import { API_ROUTE_KEY, type ApiRouteDoc } from './api-route.decorator.js';
import { nestRoutePolicy } from './edge-metadata.js';
import { ROUTE_INPUT_KEYS } from './zod-validation.pipe.js';

/**
 * Where a Nest service mounts its routes: under `/api/...`, the paths nginx passes through
 * unchanged, except the operational endpoints, which stay at the root of the service's own port.
 */
export const NEST_API_PREFIX = 'api';
export const NEST_UNPREFIXED = ['health', 'metrics'] as const;

export interface NestRouteTableDeps {
  discovery: DiscoveryService;
  scanner: MetadataScanner;
  reflector: Reflector;
}

/**
 * Every controller route of a Nest app with its policy (from `@Public()` / `@Roles()`) and its doc
 * (`@ApiRoute` and the `@Zod*` input schemas), at the path Nest mounts it.
 */
export function nestRouteTable({ discovery, scanner, reflector }: NestRouteTableDeps): RouteEntry[] {
  const entries: RouteEntry[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!controller) continue;
    const prototype = controller.prototype as Record<string, unknown>;
    const base = pathsOf(Reflect.getMetadata(PATH_METADATA, controller));
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      if (typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const own = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
      if (method === undefined || own === undefined) continue;
      const policy = nestRoutePolicy(reflector, handler, controller);
      const doc = docOf(handler, prototype, name);
      for (const b of base) for (const p of pathsOf(own)) entries.push({ method: RequestMethod[method], path: mountedPath(b, p), policy, doc });
    }
  }
  return entries;
}

function docOf(handler: object, prototype: object, name: string): RouteDoc | undefined {
  const doc = Reflect.getMetadata(API_ROUTE_KEY, handler) as ApiRouteDoc | undefined;
  if (!doc) return undefined;
  const input = (key: string) => Reflect.getMetadata(key, prototype, name) as RouteDoc['body'];
  const body = input(ROUTE_INPUT_KEYS.body);
  const query = input(ROUTE_INPUT_KEYS.query);
  const params = input(ROUTE_INPUT_KEYS.params);
  return { ...doc, ...(body ? { body } : {}), ...(query ? { query } : {}), ...(params ? { params } : {}) };
}

function pathsOf(value: unknown): string[] {
  if (value === undefined) return ['/'];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function mountedPath(controller: string, handler: string): string {
  const local = `/${controller}/${handler}`.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  const unprefixed = (NEST_UNPREFIXED as readonly string[]).includes(local.slice(1));
  return unprefixed ? local : `/${NEST_API_PREFIX}${local === '/' ? '' : local}`;
}
