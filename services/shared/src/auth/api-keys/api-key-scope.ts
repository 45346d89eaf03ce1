import { isTopicName, topicSpecs } from '../../events/topics.js';

/** What a key may publish: its topics, and for per-user topics the one user its events go to. */
export interface ApiKeyScope {
  name: string;
  topics: readonly string[];
  user?: string;
}

export const API_KEY_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isUserScopedTopic(topic: string): boolean {
  return isTopicName(topic) && topicSpecs[topic].scope === 'user';
}

/**
 * The topics of a new key, checked against the topics truth declares. A per-user topic (alerts,
 * trades, …) needs the key to be bound to one user: an outside producer must never choose whose
 * private stream it writes into, so the owner is fixed when the key is made, not sent per event.
 * Returns every problem in one message list, empty when the scope is fine.
 */
export function scopeProblems(scope: ApiKeyScope, knownTopics: readonly string[]): string[] {
  const problems: string[] = [];
  if (!API_KEY_NAME_PATTERN.test(scope.name)) problems.push(`name "${scope.name}": must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit`);
  if (scope.topics.length === 0) problems.push(`--topics: name at least one topic (topics: ${knownTopics.join(', ')})`);
  const unknown = scope.topics.filter((t) => !knownTopics.includes(t));
  if (unknown.length > 0) problems.push(`--topics: unknown topic${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => `"${t}"`).join(', ')} (topics: ${knownTopics.join(', ')})`);
  const perUser = scope.topics.filter(isUserScopedTopic);
  if (perUser.length > 0 && scope.user === undefined) {
    problems.push(`--topics: ${perUser.join(', ')} ${perUser.length > 1 ? 'are' : 'is'} per user: pass --user <id> so the key's events go to that user`);
  }
  return problems;
}

/** `vexy,intel, vexy` → `['vexy', 'intel']`: trimmed, empty parts and repeats dropped, order kept. */
export function splitTopics(list: string): string[] {
  return [...new Set(list.split(',').map((t) => t.trim()).filter(Boolean))];
}

/** Why this key may not publish to the topic, or null when it may. */
export function scopeRefusal(scope: ApiKeyScope, topic: string): string | null {
  if (!scope.topics.includes(topic)) return `key "${scope.name}" may not publish to "${topic}" (it may publish to: ${scope.topics.join(', ')})`;
  if (isUserScopedTopic(topic) && scope.user === undefined) return `key "${scope.name}" is bound to no user, and "${topic}" is per user`;
  return null;
}
