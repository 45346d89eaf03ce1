import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { jsonBody } from '@marketswarm/shared/edge';

/** 200 hits of the longest message and key run past the services' 64kb; this covers them in plain text with room to spare. */
export const HIT_BATCH_BODY_LIMIT = '512kb';

/**
 * Reads the body of `POST /api/internal/alerts/hits` up to HIT_BATCH_BODY_LIMIT. A method guard, so
 * it runs after the internal token guard (a caller without the token never has its body read) and
 * before the global JSON interceptor, which then finds the body read and leaves it be.
 */
@Injectable()
export class HitBatchJsonBodyGuard implements CanActivate {
  private readonly parse = jsonBody(HIT_BATCH_BODY_LIMIT);

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) => {
      this.parse(http.getRequest<Request>(), http.getResponse<Response>(), (error?: unknown) => (error === undefined ? resolve() : reject(error instanceof Error ? error : new Error('request body could not be read', { cause: error }))));
    });
    return true;
  }
}
