import { describe, expect, it } from 'vitest';
import { config } from '../../copilot/testing/commentary-fixture';
import { checkConfigDraft, draftOf } from './config-draft';

describe(checkConfigDraft.name, () => {
  const saved = config({ enabled: true, kinds: ['mel-state', 'alert-fired'], maxPerMinute: 6 });

  it('sends only the fields that changed', () => {
    expect(checkConfigDraft({ ...draftOf(saved), maxPerMinute: '3' }, saved)).toEqual({ ok: true, patch: { maxPerMinute: 3 } });
    expect(checkConfigDraft({ ...draftOf(saved), enabled: false, kinds: ['alert-fired'] }, saved)).toEqual({ ok: true, patch: { enabled: false, kinds: ['alert-fired'] } });
  });

  it('names the field and the reason for a rate out of range or not a whole number', () => {
    expect(checkConfigDraft({ ...draftOf(saved), maxPerMinute: '31' }, saved)).toEqual({ ok: false, errors: { maxPerMinute: 'must be at most 30' } });
    expect(checkConfigDraft({ ...draftOf(saved), maxPerMinute: '1.5' }, saved)).toEqual({ ok: false, errors: { maxPerMinute: 'must be a whole number' } });
    expect(checkConfigDraft({ ...draftOf(saved), maxPerMinute: '' }, saved)).toMatchObject({ ok: false, errors: { maxPerMinute: expect.any(String) as string } });
  });

  it('refuses to save when nothing changed', () => {
    expect(checkConfigDraft(draftOf(saved), saved)).toEqual({ ok: false, errors: { enabled: 'Nothing to save: change a field first.' } });
  });
});
