import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { codeOfStatus, ERROR_CODES, type ErrorCode } from './error-codes.js';

export const errorIssueSchema = z.object({
  path: z.string().describe('the refused field (`email`, `preferences.theme`), header (`X-CSRF-Token`), cookie (`ms_session`), or `(body)`, `(root)`, `(client)`'),
  message: z.string().describe('why, for people'),
});
export type ErrorIssue = z.output<typeof errorIssueSchema>;

/** The one error shape every service (and nginx, for the errors it makes itself) answers with. */
export const errorBodySchema = z.object({
  statusCode: z.number().int().min(400).max(599),
  error: z.string().describe('the reason phrase of statusCode'),
  code: z.enum(ERROR_CODES).describe('stable machine-readable code (docs/API.md, Errors): switch on this, not on message'),
  message: z.string(),
  issues: z.array(errorIssueSchema).optional().describe('every refused field and why, when input was refused'),
  requestId: z.string().optional().describe('the X-Request-Id of this request, also on its log lines'),
});
export type ErrorBody = z.output<typeof errorBodySchema>;

/** `code` defaults to the status's own code (ERROR_STATUS); pass one to be more precise (`validation`, `csrf`). */
export function errorBody(statusCode: number, message: string, issues?: ErrorIssue[], requestId?: string, code: ErrorCode = codeOfStatus(statusCode)): ErrorBody {
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    code,
    message,
    ...(issues && issues.length > 0 ? { issues } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

export function zodIssues(error: z.ZodError, root = ''): ErrorIssue[] {
  return error.issues.map((i) => ({ path: [root, ...i.path.map(String)].filter(Boolean).join('.') || '(root)', message: i.message }));
}
