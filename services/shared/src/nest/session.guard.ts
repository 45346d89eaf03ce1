import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { setRequestAuth } from '../http/edge/request-auth.js';
import { needsSession } from '../http/edge/route-policy.js';
import { authenticateRequest, renewedSessionCookies } from '../http/edge/session-checks.js';
import { policyOfContext } from './edge-metadata.js';
import { NEST_EDGE_OPTIONS, type NestEdgeOptions } from './edge-options.token.js';

/**
 * Global guard, first of three: every route needs a live session (401 otherwise) unless it is
 * `@Public()`. The check is the shared `authenticateRequest` against system Redis, the same one the
 * gateway runs, so no service trusts another with who the caller is.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(NEST_EDGE_OPTIONS) private readonly options: NestEdgeOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!needsSession(policyOfContext(this.reflector, context))) return true;
    // WebSocket and RPC handlers check their session at the upgrade; by default they are refused.
    if (context.getType() !== 'http') return false;
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const auth = await authenticateRequest(req, this.options);
    setRequestAuth(req, auth);
    const cookies = renewedSessionCookies(req, auth, this.options);
    if (cookies.length > 0) http.getResponse<Response>().append('Set-Cookie', cookies);
    return true;
  }
}
