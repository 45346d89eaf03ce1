import type { Role } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import type { JournalSettings } from '@marketswarm/shared/truth';

/** What a limit counts: a user's alerts, or their prompt alerts. */
export type AlertLimitKind = keyof JournalSettings['alertLimits'][Role];

const LIMITED = {
  alerts: { noun: 'alerts', path: 'kind' },
  promptAlerts: { noun: 'prompt alerts', path: 'text' },
} as const satisfies Record<AlertLimitKind, { noun: string; path: string }>;

/**
 * Refuses one more alert (or prompt alert) to a user of `role` who already has `count` stored,
 * when that is the most the role may have. Every stored one counts, enabled or not, so disabling
 * frees nothing: the evaluator's load follows what is stored. The issue names the body's first
 * field (`kind`, `text`), where a form shows it.
 */
export function assertBelowAlertLimit(what: AlertLimitKind, role: Role, count: number, limit: number): void {
  if (count < limit) return;
  const { noun, path } = LIMITED[what];
  const article = role === 'admin' ? 'an' : 'a';
  throw new DomainError('rate-limited', `you have ${count} ${noun}, the most ${article} ${role} may have (${limit}); delete some first`, {
    issues: [{ path, message: `${article} ${role} may have at most ${limit} ${noun}` }],
  });
}
