import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { JOURNAL_ENTRY_BODY_LIMIT } from '@marketswarm/shared/dto';
import { jsonBody } from '@marketswarm/shared/edge';

/**
 * Reads the JSON body of the routes that carry entry content, up to JOURNAL_ENTRY_BODY_LIMIT instead
 * of the services' 64kb. A guard because it must run after the session and CSRF guards (global
 * guards run first: a stranger's body is still never read) and before the global JSON interceptor,
 * which then finds the request already read and leaves it be. Refusals are the shared 400/413/415.
 */
@Injectable()
export class EntryJsonBodyGuard implements CanActivate {
  private readonly parse = jsonBody(JOURNAL_ENTRY_BODY_LIMIT);

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) => {
      this.parse(http.getRequest<Request>(), http.getResponse<Response>(), (error?: unknown) => (error === undefined ? resolve() : reject(error instanceof Error ? error : new Error('request body could not be read', { cause: error }))));
    });
    return true;
  }
}
