import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { jsonBody } from '../http/edge/json-body.js';

/**
 * Parses the JSON body after the guards have let the request in, as the Express edge does: nobody's
 * JSON is parsed for a refused request (a stranger's malformed body gets the 401, not a 400).
 * Interceptors run after guards and before pipes, so @ZodBody sees the parsed body; the shared
 * parser's 400/413/415 reach the exception filter as DomainErrors.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  private readonly parse = jsonBody();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<ReturnType<CallHandler['handle']>> {
    if (context.getType() === 'http') {
      const http = context.switchToHttp();
      await new Promise<void>((resolve, reject) => {
        this.parse(http.getRequest<Request>(), http.getResponse<Response>(), (error?: unknown) => (error === undefined ? resolve() : reject(error instanceof Error ? error : new Error('request body could not be read', { cause: error }))));
      });
    }
    return next.handle();
  }
}
