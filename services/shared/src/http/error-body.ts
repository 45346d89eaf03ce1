import { STATUS_CODES } from 'node:http';
import type { z } from 'zod';

export interface ErrorIssue {
  path: string;
  message: string;
}

/** The one error shape every service answers with. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  issues?: ErrorIssue[];
  requestId?: string;
}

export function errorBody(statusCode: number, message: string, issues?: ErrorIssue[], requestId?: string): ErrorBody {
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    ...(issues && issues.length > 0 ? { issues } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

export function zodIssues(error: z.ZodError, root = ''): ErrorIssue[] {
  return error.issues.map((i) => ({ path: [root, ...i.path.map(String)].filter(Boolean).join('.') || '(root)', message: i.message }));
}

/** An error that maps to an HTTP status; anything else becomes a bare 500. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
