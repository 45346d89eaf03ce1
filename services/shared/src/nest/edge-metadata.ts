import { applyDecorators, SetMetadata, UseGuards, type CanActivate, type CustomDecorator, type ExecutionContext, type Type } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Role } from '../dto/auth.schema.js';
import type { RoutePolicy } from '../http/edge/route-policy.js';

/**
 * A NestJS route is behind the session (and CSRF) unless it says `@Public()`; `@Roles('admin')`
 * narrows it further. The guards, the OpenAPI document and the route-policy specs read the
 * policy from these two decorators through `nestRoutePolicy`, so they cannot disagree.
 */
export const IS_PUBLIC_KEY = 'marketswarm:public';
export const ROLES_KEY = 'marketswarm:roles';
export const IS_INTERNAL_KEY = 'marketswarm:internal';

/** No session needed: an explicit decision, on a handler or a whole controller. */
export const Public = (): CustomDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * Service to service only (policy `internal`): no session or CSRF check, and `guard` decides who
 * calls (a shared secret; it answers 404 to anyone else). The guard is an argument so an internal
 * route can never be declared without one.
 */
export const Internal = (guard: Type<CanActivate>): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(IS_INTERNAL_KEY, true), UseGuards(guard));

/** Only users with one of these roles (after the session guard): 403 otherwise. */
export const Roles = (...roles: [Role, ...Role[]]): CustomDecorator => SetMetadata(ROLES_KEY, roles);

type Target = Parameters<Reflector['getAllAndOverride']>[1][number];

export function nestRoles(reflector: Reflector, handler: Target, controller: Target): readonly Role[] {
  return reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [handler, controller]) ?? [];
}

export function nestRoutePolicy(reflector: Reflector, handler: Target, controller: Target): RoutePolicy {
  if (reflector.getAllAndOverride<boolean | undefined>(IS_INTERNAL_KEY, [handler, controller]) === true) return 'internal';
  if (reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, [handler, controller]) === true) return 'public';
  return nestRoles(reflector, handler, controller).includes('admin') ? 'admin' : 'session';
}

export function policyOfContext(reflector: Reflector, context: ExecutionContext): RoutePolicy {
  return nestRoutePolicy(reflector, context.getHandler(), context.getClass());
}
