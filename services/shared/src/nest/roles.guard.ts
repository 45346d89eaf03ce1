import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { currentAuth } from '../http/edge/request-auth.js';
import { needsSession } from '../http/edge/route-policy.js';
import { checkRole } from '../http/edge/session-checks.js';
import { nestRoles, policyOfContext } from './edge-metadata.js';

/** Global guard, third: a route with `@Roles(...)` answers 403 to anyone without one of them. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = nestRoles(this.reflector, context.getHandler(), context.getClass());
    if (roles.length === 0 || !needsSession(policyOfContext(this.reflector, context)) || context.getType() !== 'http') return true;
    checkRole(currentAuth(context.switchToHttp().getRequest<Request>()), roles);
    return true;
  }
}
