import { z } from 'zod';
import { parseValue } from '../parse-source.js';
import { jsonPath, type TruthProblem } from '../truth-problem.js';
import { MOVED_TO_NODE } from './node.settings.js';
import type { SettingsRegistry } from './settings-registry.js';

export type SettingsCheck = { ok: true; settings: Record<string, unknown> } | { ok: false; problems: TruthProblem[] };

const noSettings = z.strictObject({});

/**
 * Validates one component's `settings` block with the schema registered for it and returns it
 * with every default filled in, so the loaded truth shows what the process will run with.
 * Problems point into the file the operator edits: `…/sse.json: $.settings.byteBudget: …`.
 */
export function checkComponentSettings(
  file: string,
  componentId: string,
  settings: unknown,
  registry: SettingsRegistry,
  at: readonly PropertyKey[] = ['settings'],
): SettingsCheck {
  const schema = registry.get(componentId)?.schema ?? noSettings;
  const parsed = parseValue(file, settings, schema, at);
  if (parsed.ok) return { ok: true, settings: parsed.value };
  return { ok: false, problems: parsed.problems.map((p) => (p.path === jsonPath(at) ? withMoveHint(p, settings) : p)) };
}

/** A key that moved to the node file is named as such, so an old component file is easy to fix. */
function withMoveHint(problem: TruthProblem, settings: unknown): TruthProblem {
  if (!problem.reason.startsWith('unknown key') || typeof settings !== 'object' || settings === null) return problem;
  const moved = Object.keys(settings).filter((key) => MOVED_TO_NODE.has(key));
  if (moved.length === 0) return problem;
  return { ...problem, reason: `${problem.reason}; ${moved.join(', ')} now ${moved.length === 1 ? 'lives' : 'live'} in truth/node.json` };
}
