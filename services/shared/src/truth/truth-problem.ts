/** One thing wrong with the truth sources, addressed the way an operator fixes it: file, JSON path, reason. */
export interface TruthProblem {
  file: string;
  path: string;
  reason: string;
}

export function formatTruthProblem(problem: TruthProblem): string {
  return `${problem.file}: ${problem.path}: ${problem.reason}`;
}

/** Renders a zod issue path as a JSON path: `$.consumes[2].key`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : `${acc}.${String(part)}`), '$');
}

export class TruthError extends Error {
  constructor(readonly problems: readonly TruthProblem[]) {
    super(`invalid truth (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map(formatTruthProblem).join('\n')}`);
    this.name = 'TruthError';
  }
}
