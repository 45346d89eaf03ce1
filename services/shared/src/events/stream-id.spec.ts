import { describe, expect, it } from 'vitest';
import { compareStreamIds, formatStreamId, parseStreamId } from './stream-id.js';

describe('stream ids', () => {
  it('orders ids by time, then by sequence within one millisecond, as numbers rather than text', () => {
    const ids = ['1700000000000-10', '999-0', '1700000000000-9', '1700000000001-0'].map((text) => parseStreamId(text));
    expect(ids.every((id) => id !== null)).toBe(true);
    const sorted = [...ids].sort((a, b) => compareStreamIds(a ?? { ms: 0, seq: 0 }, b ?? { ms: 0, seq: 0 }));
    expect(sorted.map((id) => id && formatStreamId(id))).toEqual(['999-0', '1700000000000-9', '1700000000000-10', '1700000000001-0']);
  });

  it('refuses text that is not <ms>-<seq>', () => {
    for (const text of ['', '-1', '12', 'a-1', '1-2-3', '-5-1']) expect(parseStreamId(text), text).toBeNull();
  });
});
