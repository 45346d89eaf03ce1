import { describe, expect, it } from 'vitest';
import { topicNames } from '../../events/topics.js';
import { scopeProblems, scopeRefusal, splitTopics } from './api-key-scope.js';

describe('API key scope', () => {
  it('accepts known topics, and per-user topics only with a user', () => {
    expect(scopeProblems({ name: 'desk-feed', topics: ['vexy', 'intel'] }, topicNames)).toEqual([]);
    expect(scopeProblems({ name: 'broker', topics: ['trades'], user: 'u_abc' }, topicNames)).toEqual([]);
    expect(scopeProblems({ name: 'broker', topics: ['trades', 'alerts'] }, topicNames)).toEqual([
      "--topics: trades, alerts are per user: pass --user <id> so the key's events go to that user",
    ]);
  });

  it('names an unknown topic and lists the valid ones', () => {
    expect(scopeProblems({ name: 'feed', topics: ['vexy', 'weather'] }, ['vexy', 'intel'])).toEqual(['--topics: unknown topic "weather" (topics: vexy, intel)']);
    expect(scopeProblems({ name: 'feed', topics: [] }, ['vexy'])).toEqual(['--topics: name at least one topic (topics: vexy)']);
  });

  it('refuses a name that cannot be a metric label or a command argument', () => {
    expect(scopeProblems({ name: 'my feed', topics: ['vexy'] }, topicNames)).toEqual(['name "my feed": must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit']);
    expect(scopeProblems({ name: '-x', topics: ['vexy'] }, topicNames)).toHaveLength(1);
  });

  it('splits a comma list, trimmed and without repeats', () => {
    expect(splitTopics(' vexy,intel,,vexy ')).toEqual(['vexy', 'intel']);
  });

  it('allows only the key’s own topics, naming the topic and the allowed ones', () => {
    const key = { name: 'feed', topics: ['vexy', 'intel'] };
    expect(scopeRefusal(key, 'vexy')).toBeNull();
    expect(scopeRefusal(key, 'spot')).toBe('key "feed" may not publish to "spot" (it may publish to: vexy, intel)');
    expect(scopeRefusal({ name: 'odd', topics: ['alerts'] }, 'alerts')).toBe('key "odd" is bound to no user, and "alerts" is per user');
    expect(scopeRefusal({ name: 'bound', topics: ['alerts'], user: 'u_1' }, 'alerts')).toBeNull();
  });
});
