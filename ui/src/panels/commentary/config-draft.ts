import { commentaryConfigPatchSchema, type CommentaryConfigDto, type CommentaryConfigPatch, type CommentaryKind } from '@marketswarm/shared/dto';

/** The config form's fields as the inputs hold them (the number is text until submitted). */
export interface CommentaryConfigDraft {
  enabled: boolean;
  kinds: readonly CommentaryKind[];
  maxPerMinute: string;
}

export const draftOf = (config: CommentaryConfigDto): CommentaryConfigDraft => ({ enabled: config.enabled, kinds: config.kinds, maxPerMinute: String(config.maxPerMinute) });

export type DraftCheck = { ok: true; patch: CommentaryConfigPatch } | { ok: false; errors: Partial<Record<keyof CommentaryConfigDraft, string>> };

/**
 * The fields that changed from `saved`, checked with the shared schema (the server checks them
 * again); errors are keyed by field. Nothing changed is a refusal too: the PUT would be refused.
 */
export function checkConfigDraft(draft: CommentaryConfigDraft, saved: CommentaryConfigDto): DraftCheck {
  const patch: Record<string, unknown> = {};
  if (draft.enabled !== saved.enabled) patch['enabled'] = draft.enabled;
  if (draft.kinds.length !== saved.kinds.length || draft.kinds.some((k) => !saved.kinds.includes(k))) patch['kinds'] = [...draft.kinds];
  const max = draft.maxPerMinute.trim() === '' ? Number.NaN : Number(draft.maxPerMinute);
  if (max !== saved.maxPerMinute) patch['maxPerMinute'] = max;
  const parsed = commentaryConfigPatchSchema.safeParse(patch);
  if (parsed.success) return { ok: true, patch: parsed.data };
  const errors: Partial<Record<keyof CommentaryConfigDraft, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'enabled' || field === 'kinds' || field === 'maxPerMinute') errors[field] ??= issue.message;
    else errors.enabled ??= 'Nothing to save: change a field first.';
  }
  return { ok: false, errors };
}
