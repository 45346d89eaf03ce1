import type { ErrorIssue } from './error-body.js';
import { codeOfStatus, type ErrorCode } from './error-codes.js';

export interface DomainErrorDetails {
  /** Each refused field and why; the body's `issues`. */
  issues?: ErrorIssue[];
  /** Sent as `Retry-After` (seconds) by the error handler, for `rate-limited` and `unavailable`. */
  retryAfterSec?: number;
  cause?: unknown;
}

/**
 * What services throw when a rule refuses: a stable `code` (never an HTTP status: services do not
 * speak HTTP), a message for people and, for refused input, the issues. The services' one error
 * handler (Express) or exception filter (NestJS) turns it into the status of its code and the
 * shared error body.
 */
export class DomainError extends Error {
  readonly issues: ErrorIssue[] | undefined;
  readonly retryAfterSec: number | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    details: DomainErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'DomainError';
    this.issues = details.issues;
    this.retryAfterSec = details.retryAfterSec;
  }
}

/**
 * An error raised by HTTP status (the edge's own refusals, and code written before DomainError):
 * it keeps exactly that status, and its code is the status's first code in ERROR_STATUS.
 */
export class HttpError extends DomainError {
  constructor(
    readonly statusCode: number,
    message: string,
    issues?: ErrorIssue[],
  ) {
    super(codeOfStatus(statusCode), message, issues ? { issues } : {});
    this.name = 'HttpError';
  }
}
