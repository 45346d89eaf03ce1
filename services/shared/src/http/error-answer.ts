import { DomainError, HttpError } from './domain-error.js';
import { errorBody, type ErrorBody, type ErrorIssue } from './error-body.js';
import { codeOfStatus, statusOfCode, type ErrorCode } from './error-codes.js';

/** How a known error is answered: its status, body fields and, when it asks for one, `Retry-After`. */
export interface ErrorAnswer {
  status: number;
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[] | undefined;
  retryAfterSec?: number | undefined;
}

/**
 * The one mapping from thrown errors to HTTP, used by the Express error handler and the NestJS
 * exception filter alike: a DomainError answers its code's status, an HttpError its own status,
 * and a client error from an HTTP library (body-parser, http-errors) its status and message.
 * Anything else is unknown (undefined): the caller logs it and answers a bare 500.
 */
export function errorAnswer(error: unknown): ErrorAnswer | undefined {
  if (error instanceof DomainError) {
    const status = error instanceof HttpError ? error.statusCode : statusOfCode(error.code);
    return { status, code: error.code, message: error.message, issues: error.issues, retryAfterSec: error.retryAfterSec };
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500 && error instanceof Error) {
    return { status, code: codeOfStatus(status), message: error.message };
  }
  return undefined;
}

export function errorAnswerBody(answer: ErrorAnswer, requestId?: string): ErrorBody {
  return errorBody(answer.status, answer.message, answer.issues, requestId, answer.code);
}

/** The answer to an error nobody expected: nothing about it leaks, the request id finds the log line. */
export const INTERNAL_ERROR_ANSWER: ErrorAnswer = { status: 500, code: 'internal', message: 'internal error' };
