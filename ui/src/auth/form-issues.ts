import type { z } from 'zod';
import { ApiError, type FieldIssue } from '../api/http';

/** Field → first message, from a failed zod parse or the server's `issues`. */
export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrors(issues: readonly FieldIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) out[issue.path] ??= issue.message;
  return out;
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  return fieldErrors(error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })));
}

/**
 * What a form shows for a failed submit: the server's issues on the fields the form has, with one
 * line pointing at them; otherwise the server's own message (a wrong password names
 * `(credentials)`, a limit `(client)`: no field to highlight). A 429 is about pace, not about what
 * was typed, so its message (with the wait) is shown as is even when it names `email`.
 */
export function submitErrors(error: unknown, formFields: readonly string[]): { fields: FieldErrors; message: string } {
  if (error instanceof ApiError) {
    const shown = error.status === 429 ? [] : error.issues.filter((issue) => formFields.includes(issue.path));
    const fields = fieldErrors(shown);
    return { fields, message: shown.length > 0 ? 'Check the highlighted fields.' : error.message.replace(/^\d{3}: /, '') };
  }
  return { fields: {}, message: error instanceof Error ? error.message : String(error) };
}
