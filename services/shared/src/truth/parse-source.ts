import type { z } from 'zod';
import { jsonPath, type TruthProblem } from './truth-problem.js';

export interface TruthSource {
  /** Display name used in problems, e.g. `truth/components/sse.json`. */
  file: string;
  text: string;
}

export type SourceResult<T> = { ok: true; value: T } | { ok: false; problems: TruthProblem[] };

/** Parses one JSON source against a schema, turning every failure into `file: path: reason`. */
export function parseSource<S extends z.ZodType>(source: TruthSource, schema: S): SourceResult<z.infer<S>> {
  let json: unknown;
  try {
    json = JSON.parse(source.text);
  } catch (error) {
    return { ok: false, problems: [{ file: source.file, path: '$', reason: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      file: source.file,
      path: jsonPath(issue.path),
      reason: describeIssue(issue),
    })),
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) return 'required';
  return issue.message;
}
