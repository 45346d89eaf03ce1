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
  return parseValue(source.file, json, schema);
}

/** Validates a value found at `at` inside `file` (e.g. a component's `settings` block). */
export function parseValue<S extends z.ZodType>(file: string, value: unknown, schema: S, at: readonly PropertyKey[] = []): SourceResult<z.infer<S>> {
  const parsed = schema.safeParse(value, { error: operatorMessage });
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({ file, path: jsonPath([...at, ...issue.path]), reason: issue.message })),
  };
}

/**
 * Words an operator can act on for zod's generic issues (`must be at least 16384` rather than
 * `Too small: expected number to be >=16384`). A message a schema states itself wins over these.
 */
export function operatorMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      if (issue.input === undefined) return 'required';
      if (issue.expected === 'int' && typeof issue.input === 'number') return 'must be a whole number';
      return `must be ${article(issue.expected === 'int' ? 'number' : issue.expected)}, got ${shown(issue.input)}`;
    case 'too_small':
      return bound(issue.origin, issue.minimum, issue.inclusive ?? true, 'at least', 'more than');
    case 'too_big':
      return bound(issue.origin, issue.maximum, issue.inclusive ?? true, 'at most', 'less than');
    case 'invalid_value':
      return `must be ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}, got ${shown(issue.input)}`;
    case 'custom':
    case 'invalid_element':
    case 'invalid_format':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
      return undefined;
  }
}

function bound(origin: string, limit: number | bigint, inclusive: boolean, within: string, beyond: string): string {
  const n = Number(limit);
  if (origin === 'array' || origin === 'set') return `must list ${within} ${n} item${n === 1 ? '' : 's'}`;
  if (origin === 'string') return n === 1 && within === 'at least' ? 'must not be empty' : `must be ${within} ${n} characters long`;
  return `must be ${inclusive ? within : beyond} ${String(limit)}`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** A short rendering of the wrong value; truth holds no secrets (they live in truth_secrets), so showing it is safe. */
function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
