import { describe, expect, it } from 'vitest';
import { chaosForm, chaosPlan } from './chaos-plan.js';

const stack = ['fotw-copilot', 'fotw-intel', 'fotw-journal', 'fotw-massive', 'fotw-nginx', 'fotw-redis-intel', 'fotw-redis-market', 'fotw-redis-system', 'fotw-sse', 'fotw-static'];

describe(chaosPlan.name, () => {
  it('keeps one fault of each kind in the short form', () => {
    expect(chaosPlan('short', stack).map((s) => s.name)).toEqual(['kill -9 fotw-sse', 'restart fotw-redis-system', 'reload nginx', 'cut clients']);
  });

  it('kills every running Node service, and restarts every Redis in the full form', () => {
    expect(chaosPlan('full', stack).map((s) => s.name)).toEqual([
      'kill -9 fotw-sse',
      'kill -9 fotw-journal',
      'kill -9 fotw-copilot',
      'kill -9 fotw-massive',
      'kill -9 fotw-intel',
      'kill -9 fotw-static',
      'restart fotw-redis-system',
      'restart fotw-redis-market',
      'restart fotw-redis-intel',
      'reload nginx',
      'cut clients',
    ]);
  });

  it('kills every gateway instance when the stack runs several', () => {
    expect(chaosPlan('full', [...stack, 'fotw-sse-2']).map((s) => s.name).slice(0, 3)).toEqual(['kill -9 fotw-sse', 'kill -9 fotw-sse-2', 'kill -9 fotw-journal']);
  });

  it('includes the watch once the stack runs it', () => {
    expect(chaosPlan('full', [...stack, 'fotw-watch']).map((s) => s.name)).toContain('kill -9 fotw-watch');
  });
});

describe(chaosForm.name, () => {
  it('runs the full form only when MS_CHAOS is full', () => {
    expect(chaosForm('full')).toBe('full');
    expect(chaosForm(undefined)).toBe('short');
    expect(chaosForm('yes')).toBe('short');
  });
});
