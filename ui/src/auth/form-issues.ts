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

/** What a form shows for a failed submit: field errors plus one line for the rest. */
export function submitErrors(error: unknown): { fields: FieldErrors; message: string } {
  if (error instanceof ApiError) {
    const fields = fieldErrors(error.issues);
    return { fields, message: Object.keys(fields).length > 0 ? 'Check the highlighted fields.' : error.message.replace(/^\d{3}: /, '') };
  }
  return { fields: {}, message: error instanceof Error ? error.message : String(error) };
}
