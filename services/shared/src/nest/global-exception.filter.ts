import type { IncomingMessage } from 'node:http';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, NotFoundException } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { type ErrorBody, errorAnswer, errorAnswerBody, errorBody, INTERNAL_ERROR_ANSWER } from '../http/index.js';
import type { Logger } from '../logger/index.js';

/** What the filter reads from an Express request: pino-http's `id`, Express's `originalUrl`. */
type HttpRequest = IncomingMessage & { id?: unknown; originalUrl?: string };

/**
 * The one error answer of the service, in the shared body shape (`statusCode`, `error`, `code`,
 * `message`, `issues[]`, `requestId`). Domain errors answer their code's status (errorAnswer, shared
 * with the Express error handler); Nest's HTTP exceptions keep their status and message; anything
 * unknown is logged and becomes a bare 500 with nothing leaked.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly logger: Logger,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      this.logger.error({ err: exception, context: host.getType() }, 'unhandled error outside HTTP');
      return;
    }
    const http = host.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const response = http.getResponse<unknown>();
    const { body, retryAfterSec } = this.toAnswer(exception, request);
    const adapter = this.adapterHost.httpAdapter;
    if (adapter.isHeadersSent(response)) {
      // A streamed answer already started: the status cannot change any more, only end it.
      adapter.end(response);
      return;
    }
    if (retryAfterSec !== undefined) adapter.setHeader(response, 'Retry-After', String(Math.max(1, Math.ceil(retryAfterSec))));
    adapter.reply(response, body, body.statusCode);
  }

  private toAnswer(exception: unknown, request: HttpRequest): { body: ErrorBody; retryAfterSec?: number | undefined } {
    const requestId = typeof request.id === 'string' ? request.id : undefined;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status >= 500) this.logger.error({ err: exception, requestId }, 'server error');
      return { body: errorBody(status, routeMissMessage(exception, request) ?? httpExceptionMessage(exception), undefined, requestId) };
    }
    const known = errorAnswer(exception);
    if (!known) this.logger.error({ err: exception, requestId }, 'unhandled error');
    const answer = known ?? INTERNAL_ERROR_ANSWER;
    return { body: errorAnswerBody(answer, requestId), retryAfterSec: answer.retryAfterSec };
  }
}

/** The message an `HttpException` was raised with (a string, or the `message` of its response object). */
function httpExceptionMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return exception.message;
}

/**
 * Nest answers a request no route matched with `NotFoundException("Cannot GET /url")`. Rephrase it
 * as the Express services do (`no route for GET /path`), so every service answers a miss alike.
 */
function routeMissMessage(exception: HttpException, request: HttpRequest): string | undefined {
  const url = request.originalUrl ?? request.url ?? '';
  if (!(exception instanceof NotFoundException) || exception.message !== `Cannot ${request.method} ${url}`) return undefined;
  return `no route for ${request.method} ${url.split('?')[0]}`;
}
