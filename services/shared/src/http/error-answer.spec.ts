import { describe, expect, it } from 'vitest';
import { DomainError, HttpError } from './domain-error.js';
import { errorAnswer, errorAnswerBody } from './error-answer.js';
import { errorBody } from './error-body.js';
import { codeOfStatus, ERROR_CODES, ERROR_STATUS } from './error-codes.js';

describe(errorAnswer.name, () => {
  it('answers a DomainError with the status its code maps to, for every code', () => {
    for (const code of ERROR_CODES) {
      expect(errorAnswer(new DomainError(code, 'refused')), code).toEqual({ status: ERROR_STATUS[code], code, message: 'refused', issues: undefined, retryAfterSec: undefined });
    }
    expect(ERROR_STATUS).toMatchObject({ validation: 400, unauthorized: 401, csrf: 403, forbidden: 403, 'not-found': 404, conflict: 409, 'rate-limited': 429 });
  });

  it('keeps the exact status of an HttpError and gives it the first code of that status', () => {
    expect(errorAnswer(new HttpError(409, 'taken', [{ path: 'email', message: 'is taken' }]))).toMatchObject({ status: 409, code: 'conflict', issues: [{ path: 'email' }] });
    expect(errorAnswer(new HttpError(403, 'no'))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(errorAnswer(new HttpError(418, 'teapot'))).toMatchObject({ status: 418, code: 'bad-request' });
  });

  it('carries the wait of a refusal that has one', () => {
    expect(errorAnswer(new DomainError('rate-limited', 'slow down', { retryAfterSec: 12 }))?.retryAfterSec).toBe(12);
  });

  it("passes an HTTP library's client error through with its status, and leaves anything else unknown", () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413 });
    expect(errorAnswer(tooLarge)).toMatchObject({ status: 413, code: 'payload-too-large', message: 'request entity too large' });
    expect(errorAnswer(new Error('SQLITE_CORRUPT'))).toBeUndefined();
    expect(errorAnswer(Object.assign(new Error('upstream'), { status: 502 }))).toBeUndefined();
    expect(errorAnswer('thrown string')).toBeUndefined();
    expect(errorAnswer(null)).toBeUndefined();
  });
});

describe(errorBody.name, () => {
  it('writes the one shape: status, reason phrase, code, message, issues only when there are some, request id', () => {
    expect(errorBody(404, 'no trade 7', [], 'req-1')).toEqual({ statusCode: 404, error: 'Not Found', code: 'not-found', message: 'no trade 7', requestId: 'req-1' });
    expect(errorAnswerBody({ status: 400, code: 'validation', message: 'invalid body: qty: must be positive', issues: [{ path: 'qty', message: 'must be positive' }] })).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'validation',
      message: 'invalid body: qty: must be positive',
      issues: [{ path: 'qty', message: 'must be positive' }],
    });
  });

  it('gives a status with no code of its own the code of its class', () => {
    expect(codeOfStatus(410)).toBe('bad-request');
    expect(codeOfStatus(507)).toBe('internal');
    expect(codeOfStatus(503)).toBe('unavailable');
  });
});
