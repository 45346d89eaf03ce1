import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { currentAuth } from '../http/edge/request-auth.js';
import { needsSession } from '../http/edge/route-policy.js';
import { checkCsrf } from '../http/edge/session-checks.js';
import { policyOfContext } from './edge-metadata.js';

/** Global guard, second: POST/PUT/PATCH/DELETE behind a session need the X-CSRF-Token (403 `csrf`). */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (!needsSession(policyOfContext(this.reflector, context)) || context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    checkCsrf(req, currentAuth(req));
    return true;
  }
}
