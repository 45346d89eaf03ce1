import { timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';

/** The journal's secret in truth (`secrets[].name`, env MS_INTERNAL_TOKEN at `./admin load-truth`). */
export const INTERNAL_TOKEN_SECRET = 'internalToken';

/** True when `presented` is exactly `expected`, in time that does not depend on where they differ. */
export function tokensMatch(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  // timingSafeEqual needs equal lengths; comparing b with itself keeps the work the same for a wrong length.
  return timingSafeEqual(a.length === b.length ? a : b, b) && a.length === b.length;
}

/**
 * Guards `/api/internal/*` (service to service; nginx never routes it from outside): the caller
 * presents the journal's `internalToken` from truth as `Authorization: Bearer <token>`. Anything
 * else — no header, a wrong token, or no token configured at all — is answered exactly as a route
 * that does not exist, so the routes cannot even be discovered. The token is read from the truth
 * the service holds at each request, so a reloaded truth carrying a new one applies without a restart.
 */
@Injectable()
export class InternalTokenGuard implements CanActivate {
  constructor(@Inject(SERVICE_CONTEXT) private readonly ctx: ServiceContext) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const expected = this.ctx.truth().doc.secrets[this.ctx.id]?.[INTERNAL_TOKEN_SECRET];
    const presented = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (expected && presented !== undefined && tokensMatch(presented, expected)) return true;
    throw new NotFoundException(`Cannot ${req.method} ${req.originalUrl}`);
  }
}
