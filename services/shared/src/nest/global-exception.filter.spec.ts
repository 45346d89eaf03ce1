import type { ArgumentsHost } from '@nestjs/common';
import { ConflictException, NotFoundException } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { describe, expect, it, vi } from 'vitest';
import { DomainError, HttpError } from '../http/index.js';
import type { Logger } from '../logger/index.js';
import { GlobalExceptionFilter } from './global-exception.filter.js';

function harness(request: Record<string, unknown>, options: { headersSent?: boolean } = {}) {
  const response = {};
  const reply = vi.fn();
  const end = vi.fn();
  const adapter = { isHeadersSent: () => options.headersSent ?? false, reply, end, setHeader: vi.fn() };
  const adapterHost = { httpAdapter: adapter } as unknown as HttpAdapterHost;
  const error = vi.fn();
  const logger = { error } as unknown as Logger;
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  const filter = new GlobalExceptionFilter(adapterHost, logger);
  return { catch: (exception: unknown) => filter.catch(exception, host), reply, end, error, response, adapter };
}

const request = { id: 'req-12345678', method: 'GET', url: '/api/trades/7', originalUrl: '/api/trades/7' };

describe(GlobalExceptionFilter.name, () => {
  it('answers an HttpException with its status and message in the shared body', () => {
    const h = harness(request);
    h.catch(new ConflictException('trade 7 is already closed'));
    expect(h.reply).toHaveBeenCalledWith(
      h.response,
      { statusCode: 409, error: 'Conflict', code: 'conflict', message: 'trade 7 is already closed', requestId: 'req-12345678' },
      409,
    );
    expect(h.error).not.toHaveBeenCalled();
  });

  it('joins the messages of an HttpException raised with a list', () => {
    const h = harness(request);
    h.catch(new ConflictException(['first', 'second']));
    expect(h.reply.mock.calls[0]?.[1]).toMatchObject({ statusCode: 409, message: 'first; second' });
  });

  it('keeps the status, message and issues of a shared HttpError', () => {
    const h = harness(request);
    const issues = [{ path: 'qty', message: 'must be positive' }];
    h.catch(new HttpError(400, 'invalid trade', issues));
    expect(h.reply.mock.calls[0]?.[1]).toEqual({ statusCode: 400, error: 'Bad Request', code: 'bad-request', message: 'invalid trade', issues, requestId: 'req-12345678' });
  });

  it('answers a DomainError with the status of its code, its code and issues, and Retry-After when it carries one', () => {
    const h = harness(request);
    const issues = [{ path: 'tradeId', message: 'is closed' }];
    h.catch(new DomainError('conflict', 'trade 7 is already closed', { issues }));
    expect(h.reply).toHaveBeenLastCalledWith(h.response, { statusCode: 409, error: 'Conflict', code: 'conflict', message: 'trade 7 is already closed', issues, requestId: 'req-12345678' }, 409);
    h.catch(new DomainError('rate-limited', 'slow down', { retryAfterSec: 2.5 }));
    expect(h.reply).toHaveBeenLastCalledWith(h.response, expect.objectContaining({ statusCode: 429, code: 'rate-limited' }), 429);
    expect(h.adapter.setHeader).toHaveBeenCalledWith(h.response, 'Retry-After', '3');
    expect(h.error).not.toHaveBeenCalled();
  });

  it('phrases a missed route as the Express services do, without the query', () => {
    const h = harness({ ...request, url: '/api/nope?x=1', originalUrl: '/api/nope?x=1' });
    h.catch(new NotFoundException('Cannot GET /api/nope?x=1'));
    expect(h.reply.mock.calls[0]?.[1]).toMatchObject({ statusCode: 404, error: 'Not Found', message: 'no route for GET /api/nope' });
  });

  it('keeps the message of a NotFoundException a handler raised', () => {
    const h = harness(request);
    h.catch(new NotFoundException('no trade 7'));
    expect(h.reply.mock.calls[0]?.[1]).toMatchObject({ statusCode: 404, message: 'no trade 7' });
  });

  it('turns an unknown error into a bare 500 and logs it', () => {
    const h = harness(request);
    const secret = new Error('SQLITE_CORRUPT at /var/lib/journal.sqlite');
    h.catch(secret);
    expect(h.reply).toHaveBeenCalledWith(h.response, { statusCode: 500, error: 'Internal Server Error', code: 'internal', message: 'internal error', requestId: 'req-12345678' }, 500);
    expect(h.error).toHaveBeenCalledWith({ err: secret, requestId: 'req-12345678' }, 'unhandled error');
  });

  it('only ends a response whose headers were already sent', () => {
    const h = harness(request, { headersSent: true });
    h.catch(new Error('stream broke'));
    expect(h.reply).not.toHaveBeenCalled();
    expect(h.end).toHaveBeenCalledWith(h.response);
  });
});
